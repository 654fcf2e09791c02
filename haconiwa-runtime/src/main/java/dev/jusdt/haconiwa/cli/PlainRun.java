package dev.jusdt.haconiwa.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a plain {@code haconiwa run}, read without picocli.
 *
 * <p>Why: building picocli's model (annotations read through reflection and proxies, help
 * sections, converters) took ~90 ms of a ~330 ms container boot on JDK 17 and more on JDK 25,
 * whose AOT cache leaves picocli's Java 5 class files out. A boot is the command a user times;
 * help, errors and every other subcommand are rare, so they keep picocli. This reads only the
 * forms it is sure picocli reads the same way, and gives up (empty) on anything else, which
 * then goes to picocli: {@code [--state-dir DIR|--state-dir=DIR] run [--name NAME|--name=NAME]
 * [-v|--verbose] FILE [-- COMMAND...]}, each option at most once and before FILE. {@code
 * PlainRunTest} checks it against picocli's parse of the same arguments.
 *
 * @param stateDirectory {@code --state-dir}, or null
 * @param file the container file
 * @param name {@code --name}, or null
 * @param verbose {@code -v}
 * @param command the command after {@code --}, empty for the file's own
 */
record PlainRun(Path stateDirectory, Path file, String name, boolean verbose, List<String> command) {

  /** The arguments, if they are a plain run. */
  static Optional<PlainRun> parse(String[] args) {
    int i = 0;
    String stateDirectory = null;
    if (i < args.length && args[i].startsWith("--state-dir")) {
      String value = value(args, i, "--state-dir");
      if (value == null) {
        return Optional.empty();
      }
      stateDirectory = value;
      i += args[i].equals("--state-dir") ? 2 : 1;
    }
    if (i >= args.length || !args[i].equals("run")) {
      return Optional.empty();
    }
    i++;
    String name = null;
    boolean verbose = false;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      String arg = args[i];
      if ((arg.equals("-v") || arg.equals("--verbose")) && !verbose) {
        verbose = true;
      } else if (arg.startsWith("--name") && name == null) {
        name = value(args, i, "--name");
        if (name == null) {
          return Optional.empty();
        }
        if (arg.equals("--name")) {
          i++;
        }
      } else {
        return Optional.empty();
      }
    }
    if (i >= args.length || !plainWord(args[i])) {
      return Optional.empty();
    }
    Path file = Path.of(args[i++]);
    List<String> command = List.of();
    if (i < args.length) {
      if (!args[i].equals("--")) {
        return Optional.empty();
      }
      command = List.copyOf(Arrays.asList(args).subList(i + 1, args.length));
    }
    return Optional.of(new PlainRun(stateDirectory == null ? null : Path.of(stateDirectory), file, name, verbose, command));
  }

  /**
   * The value of {@code option} at {@code args[i]}, given as {@code option=VALUE} or as the next
   * argument, if it is one picocli would take as a value; else null.
   */
  private static String value(String[] args, int i, String option) {
    String arg = args[i];
    if (arg.startsWith(option + "=")) {
      String value = arg.substring(option.length() + 1);
      return plainWord(value) ? value : null;
    }
    if (arg.equals(option) && i + 1 < args.length && plainWord(args[i + 1])) {
      return args[i + 1];
    }
    return null;
  }

  /**
   * Not empty, and not what picocli might read as something else: an option ({@code -}), an
   * argument file ({@code @}), or a subcommand name.
   */
  private static boolean plainWord(String word) {
    return !word.isEmpty()
        && !word.startsWith("-")
        && !word.startsWith("@")
        && !word.equals("help")
        && !word.equals("run")
        && word.indexOf('\0') < 0;
  }
}
