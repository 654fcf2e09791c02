package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program with probes, run in its own JVM with its own probe-library cache, so that its library
 * has a path (and an inode) no other run shares.
 *
 * @param classPath the program's class path
 * @param cache the {@code -Djusdt.cache.dir} of every run
 */
record TracedJvm(String classPath, Path cache) {

  /** The tracing fixture of {@code src/it/tracing-fixture}, as invoker built it. */
  static TracedJvm fixture(Path dir) throws IOException {
    Path jar = Tools.project("tracing-fixture").resolve("target/tracing-fixture-1.0.jar");
    assertThat(jar).exists();
    return of(jar, dir);
  }

  /** haconiwa-runtime, which fires every haconiwa phase. */
  static TracedJvm haconiwa(Path dir) throws IOException {
    return of(Tools.jar("jar.haconiwa-runtime"), dir);
  }

  private static TracedJvm of(Path jar, Path dir) throws IOException {
    return new TracedJvm(
        jar + ":" + Tools.jar("jar.probe-runtime") + ":" + Tools.jar("jar.probe-annotations"),
        Files.createDirectories(dir.resolve("cache")));
  }

  /** The first jar of the class path: the program's own. */
  Path jar() {
    return Path.of(classPath.substring(0, classPath.indexOf(':')));
  }

  /**
   * Extracts a library as the program will and returns its path, so a tracer can attach to it
   * before the program starts.
   */
  Path library(String name) throws IOException, InterruptedException {
    Tools.Result result = Tools.run(command("dev.jusdt.runtime.ProbeLibraries", name));
    assertThat(result.exit()).as(result.output()).isZero();
    String[] fields = result.output().trim().split(" ");
    assertThat(fields).as(result.output()).hasSize(2).startsWith(name);
    return Path.of(fields[1]);
  }

  /** Copies a file of the program's jar (a generated trace script) to a directory. */
  Path extract(String entry, Path dir) throws IOException {
    return Tools.extract(jar(), entry, dir.resolve(Path.of(entry).getFileName()));
  }

  /** The command that runs a main class with the given JVM options and arguments. */
  List<String> command(String mainClass, String... args) {
    return command(List.of(), mainClass, args);
  }

  /** The command that runs a main class with JVM options and arguments. */
  List<String> command(List<String> jvmOptions, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Tools.java(), "-Djusdt.cache.dir=" + cache));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** The same command on CPU 0 only, so a tracer's per-CPU buffers cannot reorder its firings. */
  static List<String> onOneCpu(List<String> command) {
    Tools.requireTool("taskset", "util-linux");
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", "0"));
    pinned.addAll(command);
    return pinned;
  }
}
