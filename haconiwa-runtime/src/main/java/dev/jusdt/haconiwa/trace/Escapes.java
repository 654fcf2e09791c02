package dev.jusdt.haconiwa.trace;

/**
 * Backslash escapes that keep a process name or a hook's string one space-free token: {@code \s}
 * space, {@code \t} tab, {@code \n} newline, {@code \r}, {@code \\}.
 */
final class Escapes {

  private Escapes() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ' ' -> out.append("\\s");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The original text, or null if an escape is unknown or cut off. */
  static String unescape(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == token.length()) {
        return null;
      }
      switch (token.charAt(i)) {
        case '\\' -> out.append('\\');
        case 's' -> out.append(' ');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }
}
