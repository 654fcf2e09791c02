package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompileFailureTest {

  private static final List<String> COMMAND = List.of("/usr/bin/gcc", "-O2", "x.c", "-o", "a b");

  @Test
  void aMissingSdtHeaderNamesTheDebianPackageFirst() {
    String output = "x.c:2:10: fatal error: sys/sdt.h: No such file or directory\n"
        + "compilation terminated.\n";

    assertThat(CompileFailure.message("libdemo.so", COMMAND, 1, output))
        .isEqualTo("<sys/sdt.h> not found: apt-get install systemtap-sdt-dev"
            + " (or build without the probe library, whose probes are then no-ops:"
            + " -Dusdt.skip=true)\n"
            + "compiling libdemo.so failed with exit code 1:\n"
            + "  /usr/bin/gcc -O2 x.c -o 'a b'\n"
            + "x.c:2:10: fatal error: sys/sdt.h: No such file or directory\n"
            + "compilation terminated.");
  }

  @Test
  void clangsWordsForAMissingSdtHeaderGetTheSameHint() {
    String output = "x.c:2:10: fatal error: 'sys/sdt.h' file not found\n"
        + "#include <sys/sdt.h>\n         ^~~~~~~~~~~\n1 error generated.\n";

    assertThat(CompileFailure.message("libdemo.so", COMMAND, 1, output))
        .startsWith("<sys/sdt.h> not found: apt-get install systemtap-sdt-dev (or build without")
        .contains("-Dusdt.skip=true");
  }

  @Test
  void aMissingJniHeaderNamesAFullJdk() {
    for (String output : List.of(
        "x.c:1:10: fatal error: jni.h: No such file or directory\n",
        "x.c:1:10: fatal error: 'jni.h' file not found\n")) {
      assertThat(CompileFailure.message("libdemo.so", COMMAND, 1, output))
          .startsWith("<jni.h> not found: run Maven with a full JDK"
              + " (e.g. apt-get install openjdk-17-jdk-headless) (or build without")
          .contains("-Dusdt.skip=true");
    }
  }

  @Test
  void anyOtherErrorShowsTheCommandLineAndTheCompilerOutput() {
    assertThat(CompileFailure.message("libdemo.so", COMMAND, 4, "x.c:1:1: error: oops\n"))
        .isEqualTo("compiling libdemo.so failed with exit code 4:\n"
            + "  /usr/bin/gcc -O2 x.c -o 'a b'\n"
            + "x.c:1:1: error: oops");
  }

  @Test
  void aSilentFailureSaysSo() {
    assertThat(CompileFailure.message("libdemo.so", COMMAND, 1, ""))
        .endsWith("(the compiler printed nothing)");
  }
}
