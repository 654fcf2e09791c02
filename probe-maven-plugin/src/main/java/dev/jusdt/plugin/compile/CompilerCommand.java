package dev.jusdt.plugin.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C compiler to run: an executable and the words that come before gcc's own arguments, as
 * with {@code CC="ccache gcc"}.
 *
 * @param executable the absolute path of the program to run
 * @param leadingArguments words after the program and before the compiler flags; usually none
 * @param origin where it was found, for messages: the parameter, {@code $CC} or {@code PATH}
 */
record CompilerCommand(Path executable, List<String> leadingArguments, String origin) {

  CompilerCommand {
    leadingArguments = List.copyOf(leadingArguments);
  }

  /**
   * The program and its leading words.
   *
   * @return the start of every command line
   */
  List<String> prefix() {
    List<String> prefix = new ArrayList<>();
    prefix.add(executable.toString());
    prefix.addAll(leadingArguments);
    return prefix;
  }
}
