package dev.jusdt.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SDT argument string into one token per argument. Tokens are separated by blanks, but
 * not inside brackets: aarch64 operands look like {@code -4@[sp, 12]}.
 */
final class ArgumentText {

  private ArgumentText() {}

  /**
   * The tokens of {@code text}, at most {@code limit + 1} of them, so the caller can tell that a
   * hostile string has too many without this method allocating millions first.
   */
  static List<String> split(String text, int limit) throws ElfFormatException {
    List<String> tokens = new ArrayList<>();
    int depth = 0;
    int tokenStart = -1;
    for (int i = 0; i <= text.length() && tokens.size() <= limit; i++) {
      char ch = i < text.length() ? text.charAt(i) : ' ';
      if (ch == '[' || ch == '(') {
        depth++;
      } else if (ch == ']' || ch == ')') {
        if (--depth < 0) {
          throw new ElfFormatException("unbalanced '" + ch + "' in arguments " + quote(text));
        }
      }
      boolean blank = (ch == ' ' || ch == '\t') && (depth == 0 || i == text.length());
      if (blank && tokenStart >= 0) {
        tokens.add(text.substring(tokenStart, i));
        tokenStart = -1;
      } else if (!blank && tokenStart < 0) {
        tokenStart = i;
      }
    }
    if (depth > 0 && tokens.size() <= limit) {
      throw new ElfFormatException("unclosed bracket in arguments " + quote(text));
    }
    return tokens;
  }

  /** {@code text} in quotes for a message, cut short: a hostile string may be megabytes long. */
  static String quote(String text) {
    int max = 80;
    return text.length() <= max ? '"' + text + '"' : '"' + text.substring(0, max) + "\"...";
  }
}
