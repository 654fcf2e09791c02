package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerLocatorTest {

  @TempDir Path dir;
  private Path bin;
  private Path gcc;
  private Path clang;

  @BeforeEach
  void fakeCompilers() throws Exception {
    bin = Files.createDirectories(dir.resolve("bin"));
    gcc = executable(bin.resolve("gcc"));
    clang = executable(dir.resolve("opt/clang"));
  }

  private static Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void theParameterWinsOverCcAndPath() throws Exception {
    CompilerCommand found =
        new CompilerLocator(Map.of("CC", "gcc", "PATH", bin.toString())).locate(clang.toString());

    assertThat(found.executable()).isEqualTo(clang);
    assertThat(found.origin()).isEqualTo("parameter 'compiler' (-Dusdt.compiler)");
  }

  @Test
  void ccWinsOverPath() throws Exception {
    CompilerCommand found =
        new CompilerLocator(Map.of("CC", clang.toString(), "PATH", bin.toString())).locate(null);

    assertThat(found.executable()).isEqualTo(clang);
    assertThat(found.origin()).isEqualTo("environment variable CC");
  }

  @Test
  void gccIsLookedUpOnPath() throws Exception {
    CompilerCommand found =
        new CompilerLocator(Map.of("PATH", dir.resolve("empty") + ":" + bin)).locate(" ");

    assertThat(found.executable()).isEqualTo(gcc);
    assertThat(found.leadingArguments()).isEmpty();
  }

  @Test
  void aNameInTheParameterIsLookedUpOnPath() throws Exception {
    CompilerCommand found = new CompilerLocator(Map.of("PATH", bin.toString())).locate("gcc");

    assertThat(found.executable()).isEqualTo(gcc);
  }

  @Test
  void wordsAfterTheProgramGoBeforeTheArguments() throws Exception {
    executable(bin.resolve("ccache"));

    CompilerCommand found =
        new CompilerLocator(Map.of("CC", "ccache gcc -m64", "PATH", bin.toString())).locate(null);

    assertThat(found.executable()).isEqualTo(bin.resolve("ccache"));
    assertThat(found.leadingArguments()).containsExactly("gcc", "-m64");
  }

  @Test
  void aMissingCompilerNamesWhereItLookedAndTheDebianPackage() {
    assertThatThrownBy(() -> new CompilerLocator(Map.of("PATH", "/nowhere")).locate(null))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("gcc not found (looked in: parameter 'compiler' (-Dusdt.compiler): unset;"
            + " environment variable CC: unset; PATH: gcc is not on PATH /nowhere);"
            + " install it: apt-get install gcc, or set -Dusdt.compiler=/path/to/cc"
            + " (or build without the probe library, whose probes are then no-ops:"
            + " -Dusdt.skip=true)");
  }

  @Test
  void aMissingExplicitCompilerFailsInsteadOfFallingBackToPath() {
    String missing = dir.resolve("no/such/cc").toString();

    assertThatThrownBy(
            () -> new CompilerLocator(Map.of("PATH", bin.toString())).locate(missing))
        .hasMessageContaining(
            "parameter 'compiler' (-Dusdt.compiler): " + missing + " is not an executable file")
        .hasMessageContaining("apt-get install gcc");
  }

  @Test
  void aMissingCcFailsInsteadOfFallingBackToPath() {
    assertThatThrownBy(
            () -> new CompilerLocator(Map.of("CC", "cc-99", "PATH", bin.toString())).locate(null))
        .hasMessageContaining("environment variable CC: cc-99 is not on PATH " + bin);
  }

  @Test
  void aFileThatIsNotExecutableIsNotACompiler() throws Exception {
    Path plain = Files.writeString(bin.resolve("plain"), "");

    assertThatThrownBy(() -> new CompilerLocator(Map.of()).locate(plain.toString()))
        .hasMessageContaining(plain + " is not an executable file");
  }
}
