package dev.jusdt.plugin.compile;

import java.util.List;

/** The message of a failed compilation: a hint for a known cause first, then the evidence. */
final class CompileFailure {

  /** How to build anyway, for every failure of the build environment. */
  static final String SKIP_HINT =
      " (or build without the probe library, whose probes are then no-ops: -Dusdt.skip=true)";

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
    // gcc says "sys/sdt.h: No such file or directory", clang "'sys/sdt.h' file not found".
    if (output.contains("sys/sdt.h: No such file") || output.contains("'sys/sdt.h' file not found")) {
      message.append("<sys/sdt.h> not found: apt-get install systemtap-sdt-dev")
          .append(SKIP_HINT)
          .append('\n');
    } else if (output.contains("jni.h: No such file") || output.contains("'jni.h' file not found")) {
      message.append("<jni.h> not found: run Maven with a full JDK"
              + " (e.g. apt-get install openjdk-17-jdk-headless)")
          .append(SKIP_HINT)
          .append('\n');
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
