package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample project {@code src/it/strings-fixture} as invoker built it: its jar, the class path
 * to run it with, and where its probe library is extracted.
 */
final class StringsFixture {

  static final String LIBRARY = "stringsfixture";

  private final Path cache;

  /** The fixture with its own extraction cache, so each test knows the library's path. */
  StringsFixture(Path cache) {
    this.cache = cache;
  }

  static Path jar() {
    Path jar = Tools.project("strings-fixture").resolve("target/strings-fixture-1.0.jar");
    assertThat(jar).exists();
    return jar;
  }

  /** The fixture jar, probe-runtime and probe-annotations. */
  static List<Path> classPath() {
    return List.of(jar(), Tools.jar("jar.probe-runtime"), Tools.jar("jar.probe-annotations"));
  }

  /** A {@code java} command line with this fixture's cache; {@code args} follow the JVM's. */
  List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(Tools.java(), "-Djusdt.cache.dir=" + cache));
    command.addAll(List.of(args));
    return command;
  }

  /** The class path, joined. */
  static String classPathString() {
    return String.join(":", classPath().stream().map(Path::toString).toList());
  }

  /** Extracts the library as the program will, and returns its path (ProbeLibraries, README). */
  Path library() throws IOException, InterruptedException {
    Tools.Result result =
        Tools.run(java("-cp", classPathString(), "dev.jusdt.runtime.ProbeLibraries", LIBRARY));
    assertThat(result.exit()).as(result.output()).isZero();
    String[] fields = result.output().strip().split(" ");
    assertThat(fields[0]).isEqualTo(LIBRARY);
    return Path.of(fields[1]);
  }
}
