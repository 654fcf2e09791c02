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

  private static final List<Path> INCLUDES =
      List.of(Path.of("/gen/jusdt/demo"), Path.of("/src/main/c"));

  @Test
  void compilesOneSourceWithFlagsThenIncludesThenSourceThenObjectThenUserArguments() {
    List<String> command =
        GccCommandLine.compile(
            GCC, SourceOrigin.GENERATED, JDK, INCLUDES, Path.of("/gen/jusdt/demo/demo_probes.c"),
            Path.of("/t/obj/1-demo_probes.o"), List.of("-Werror"));

    assertThat(command)
        .containsExactly(
            "/usr/bin/gcc",
            "-std=gnu11", "-O1", "-fPIC", "-Wall", "-Wextra", "-g0",
            "-I/jdk/include", "-I/jdk/include/linux",
            "-I/gen/jusdt/demo", "-I/src/main/c",
            "-c", "/gen/jusdt/demo/demo_probes.c",
            "-o", "/t/obj/1-demo_probes.o",
            "-Werror");
  }

  @Test
  void handWrittenCIsCompiledAtO2() {
    List<String> command =
        GccCommandLine.compile(
            GCC, SourceOrigin.HAND_WRITTEN, JDK, INCLUDES, Path.of("/src/main/c/extra.c"),
            Path.of("/t/obj/2-extra.o"), List.of());

    assertThat(command)
        .containsExactly(
            "/usr/bin/gcc",
            "-std=gnu11", "-O2", "-fPIC", "-Wall", "-Wextra", "-g0",
            "-I/jdk/include", "-I/jdk/include/linux",
            "-I/gen/jusdt/demo", "-I/src/main/c",
            "-c", "/src/main/c/extra.c",
            "-o", "/t/obj/2-extra.o");
  }

  @Test
  void linksTheObjectsIntoOneSharedLibraryWithTheUserArgumentsLast() {
    List<String> command =
        GccCommandLine.link(
            GCC, List.of(Path.of("/t/obj/1-demo_probes.o"), Path.of("/t/obj/2-extra.o")),
            Path.of("/t/libdemo.so"), List.of("-lrt"));

    assertThat(command)
        .containsExactly(
            "/usr/bin/gcc", "-shared", "-Wl,-z,noexecstack",
            "/t/obj/1-demo_probes.o", "/t/obj/2-extra.o",
            "-o", "/t/libdemo.so",
            "-lrt");
  }

  @Test
  void leadingWordsOfTheCompilerComeBeforeTheFlags() {
    CompilerCommand ccache =
        new CompilerCommand(Path.of("/usr/bin/ccache"), List.of("gcc"), "environment variable CC");

    List<String> compile =
        GccCommandLine.compile(
            ccache, SourceOrigin.HAND_WRITTEN, JDK, INCLUDES, Path.of("/src/main/c/extra.c"),
            Path.of("/t/extra.o"),
            List.of());
    List<String> link =
        GccCommandLine.link(ccache, List.of(Path.of("/t/extra.o")), Path.of("/t/libdemo.so"),
            List.of());

    assertThat(compile.subList(0, 3)).containsExactly("/usr/bin/ccache", "gcc", "-std=gnu11");
    assertThat(link.subList(0, 3)).containsExactly("/usr/bin/ccache", "gcc", "-shared");
    assertThat(link.get(link.size() - 1)).isEqualTo("/t/libdemo.so");
  }

  @Test
  void quotesOnlyTheWordsAShellWouldSplit() {
    assertThat(CommandLines.join(List.of("gcc", "-DNAME=a b", "-Wl,-z,noexecstack", "it's")))
        .isEqualTo("gcc '-DNAME=a b' -Wl,-z,noexecstack 'it'\\''s'");
  }
}
