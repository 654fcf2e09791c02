package dev.jusdt.plugin.compile;

import java.util.List;

/** The message of a failed compilation: a hint for a known cause first, then the evidence. */
final class CompileFailure {

  private CompileFailure() {}

  /**
   * Describes a failed run of the compiler.
   *
   * @param library the library's file name
   * @param command the full command line
   * @param exitCode the compiler's exit code
   * @param output what the compiler printed
   * @return the message: hint (if any), command line, exit code, output
   */
  static String message(String library, List<String> command, int exitCode, String output) {
    StringBuilder message = new StringBuilder();
    if (output.contains("sys/sdt.h: No such file")) {
      message.append("<sys/sdt.h> not found: apt-get install systemtap-sdt-dev\n");
    } else if (output.contains("jni.h: No such file")) {
      message.append("<jni.h> not found: run Maven with a full JDK"
          + " (e.g. apt-get install openjdk-17-jdk-headless)\n");
    }
    message
        .append("compiling ")
        .append(library)
        .append(" failed with exit code ")
        .append(exitCode)
        .append(":\n  ")
        .append(CommandLines.join(command))
        .append('\n')
        .append(output.isBlank() ? "(the compiler printed nothing)" : output.stripTrailing());
    return message.toString();
  }
}
