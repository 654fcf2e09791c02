package dev.jusdt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated C compiles without a single warning under {@code -Wall -Wextra -Wpedantic -Werror}
 * with gcc and clang, and the library's note lists every probe, dashes kept, each with a
 * semaphore.
 */
class GeneratedCCompilesTest {

  @TempDir static Path dir;

  @BeforeAll
  static void generate() throws IOException {
    Sources.writeExampleC(dir);
  }

  @ParameterizedTest(name = "{0} -std={1}")
  @CsvSource({"gcc, gnu11", "gcc, c11", "gcc, c99", "clang, gnu11", "clang, c11", "clang, c99"})
  void compilesWarningFreeAndListsEveryProbe(String compiler, String std) throws Exception {
    NativeTools.requireCompilerAndSdtHeader(compiler);
    assumeTrue(NativeTools.onPath("readelf"), "readelf not found: apt-get install binutils");
    Path jni = Path.of(System.getProperty("java.home"), "include");
    Path library = dir.resolve("lib-" + compiler + "-" + std + ".so");

    Result build =
        run(
            compiler, "-std=" + std, "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O2", "-fPIC",
            "-shared", "-I" + jni, "-I" + jni.resolve("linux"), "-I" + dir,
            "-o", library.toString(), dir.resolve("haconiwa_probes.c").toString());
    assertThat(build.output()).isEmpty();
    assertThat(build.exit()).isZero();

    String notes = run("readelf", "-n", library.toString()).output();
    assertThat(notes)
        .contains("Provider: haconiwa\n    Name: probe-boottime\n")
        .contains("Provider: haconiwa\n    Name: probe-containergen\n")
        .contains("Provider: myapp\n    Name: request-start\n")
        .doesNotContain("Semaphore: 0x0000000000000000");
    assertThat(notes.split("Name: probe-misc\n", -1)).as("two probe-misc sites").hasSize(3);
    assertThat(notes).containsPattern("Name: probe-boottime\n.*\n    Arguments: -8@\\S+ -8@\\S+ -8@\\S+\n");
    assertThat(notes)
        .containsPattern(
            "Name: everyType\n.*\n    Arguments: -8@\\S+ -4@\\S+ -2@\\S+ -1@\\S+ 2@\\S+ 1@\\S+ 8@\\S+\n");
  }

  record Result(int exit, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }

}
