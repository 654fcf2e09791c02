package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GccCommandLineTest {

  private static final CompilerCommand GCC =
      new CompilerCommand(Path.of("/usr/bin/gcc"), List.of(), "PATH");

  private static final List<Path> JDK =
      List.of(Path.of("/jdk/include"), Path.of("/jdk/include/linux"));

  private static final LibraryInputs INPUTS =
      new LibraryInputs(
          List.of(Path.of("/gen/jusdt/demo/demo_probes.c"), Path.of("/src/main/c/extra.c")),
          List.of(Path.of("/gen/jusdt/demo"), Path.of("/src/main/c")),
          List.of());

  @Test
  void buildsFlagsThenIncludesThenSourcesThenOutputThenUserArguments() {
    List<String> command =
        GccCommandLine.build(GCC, JDK, INPUTS, Path.of("/t/libdemo.so"), List.of("-Werror"));

    assertThat(command)
        .containsExactly(
            "/usr/bin/gcc",
            "-std=gnu11", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra", "-g0",
            "-Wl,-z,noexecstack",
            "-I/jdk/include", "-I/jdk/include/linux",
            "-I/gen/jusdt/demo", "-I/src/main/c",
            "/gen/jusdt/demo/demo_probes.c", "/src/main/c/extra.c",
            "-o", "/t/libdemo.so",
            "-Werror");
  }

  @Test
  void leadingWordsOfTheCompilerComeBeforeTheFlags() {
    CompilerCommand ccache =
        new CompilerCommand(Path.of("/usr/bin/ccache"), List.of("gcc"), "environment variable CC");

    List<String> command =
        GccCommandLine.build(ccache, JDK, INPUTS, Path.of("/t/libdemo.so"), List.of());

    assertThat(command.subList(0, 3)).containsExactly("/usr/bin/ccache", "gcc", "-std=gnu11");
    assertThat(command.get(command.size() - 1)).isEqualTo("/t/libdemo.so");
  }

  @Test
  void quotesOnlyTheWordsAShellWouldSplit() {
    assertThat(CommandLines.join(List.of("gcc", "-DNAME=a b", "-Wl,-z,noexecstack", "it's")))
        .isEqualTo("gcc '-DNAME=a b' -Wl,-z,noexecstack 'it'\\''s'");
  }
}
