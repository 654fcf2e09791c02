package dev.jusdt.processor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C tools the tests that compile generated code need; where one is absent the test is
 * skipped with the Debian package to install (CI installs them all).
 */
final class NativeTools {

  private NativeTools() {}

  /** Skips the test unless {@code compiler} and {@code <sys/sdt.h>} are installed. */
  static void requireCompilerAndSdtHeader(String compiler) {
    assumeTrue(onPath(compiler), compiler + " not found: apt-get install " + compiler);
    assumeTrue(
        Files.exists(Path.of("/usr/include/x86_64-linux-gnu/sys/sdt.h"))
            || Files.exists(Path.of("/usr/include/sys/sdt.h")),
        "<sys/sdt.h> not found: apt-get install systemtap-sdt-dev");
  }

  /** Whether an executable of that name is on {@code PATH}. */
  static boolean onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
