package dev.jusdt.plugin.compile;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Shows a command line the way a user can paste it into a POSIX shell. */
final class CommandLines {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CommandLines() {}

  /**
   * Joins the words, single-quoting those a shell would split or expand.
   *
   * @param words the command line
   * @return e.g. {@code gcc -O2 '-DNAME=a b'}
   */
  static String join(List<String> words) {
    return words.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
