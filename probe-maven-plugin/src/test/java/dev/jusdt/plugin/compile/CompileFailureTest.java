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
        .isEqualTo("<sys/sdt.h> not found: apt-get install systemtap-sdt-dev\n"
            + "compiling libdemo.so failed with exit code 1:\n"
            + "  /usr/bin/gcc -O2 x.c -o 'a b'\n"
            + "x.c:2:10: fatal error: sys/sdt.h: No such file or directory\n"
            + "compilation terminated.");
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
