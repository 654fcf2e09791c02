package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.it.Readelf.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project ({@code src/it/phase-probes}), built by a real Maven run with the plugin and
 * processor from the local repository: its jar carries a library whose note lists every probe.
 */
class SampleProjectJarTest {

  private static final String LIBRARY = "META-INF/native/linux-x86_64/libphaseprobes.so";

  @TempDir static Path dir;
  private static Path jar;
  private static List<Note> notes;

  @BeforeAll
  static void readJar() throws Exception {
    jar = Tools.project("phase-probes").resolve("target/phase-probes-1.0.jar");
    assertThat(jar).exists();
    notes = Readelf.notes(Tools.extract(jar, LIBRARY, dir.resolve("libphaseprobes.so")));
  }

  @Test
  void jarCarriesLibraryAndManifest() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getEntry(LIBRARY)).isNotNull();
      assertThat(file.getEntry("META-INF/jusdt/phaseprobes.json")).isNotNull();
      assertThat(file.getEntry("org/example/app/HaconiwaProbes.class")).isNotNull();
      assertThat(file.getEntry("org/example/app/UsdtServerProbes.class")).isNotNull();
    }
  }

  @Test
  void jarRecordsTheLibrarysSha256AndSizeForTheLoader() throws Exception {
    Tools.requireTool("sha256sum", "coreutils");
    Path library = dir.resolve("recorded.so");
    Tools.extract(jar, LIBRARY, library);
    String record = Files.readString(Tools.extract(jar, LIBRARY + ".sha256", dir.resolve("record")));

    Tools.Result sha256sum = Tools.run(List.of("sha256sum", library.toString()));

    assertThat(sha256sum.exit()).as(sha256sum.output()).isZero();
    assertThat(record)
        .isEqualTo(sha256sum.output().split(" ")[0] + " " + Files.size(library) + "\n");
  }

  @Test
  void phaseProbesHaveThreeSignedLongs() {
    for (String name : List.of("probe-boottime", "probe-containergen")) {
      List<Note> entries = Readelf.of(notes, "haconiwa", name);
      assertThat(entries).as(name).isNotEmpty();
      assertThat(entries).allSatisfy(n -> assertThat(n.formats()).containsExactly("-8", "-8", "-8"));
    }
  }

  @Test
  void probeMiscHasALongAndAStringSite() {
    assertThat(Readelf.of(notes, "haconiwa", "probe-misc").stream().map(Note::formats).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(List.of("-8", "-8"), List.of("-8", "8"));
  }

  @Test
  void typedProbesKeepEachJavaTypesSizeAndSign() {
    assertThat(Readelf.of(notes, "myapp", "request-start")).singleElement()
        .satisfies(n -> assertThat(n.formats()).containsExactly("-8", "8"));
    assertThat(Readelf.of(notes, "myapp", "every_type")).singleElement()
        .satisfies(n -> assertThat(n.formats()).containsExactly("-8", "-4", "-2", "-1", "2", "1", "8"));
    assertThat(Readelf.of(notes, "myapp", "tick")).singleElement()
        .satisfies(n -> assertThat(n.arguments()).isEmpty());
  }

  @Test
  void everyProbeHasItsOwnNonZeroSemaphore() {
    assertThat(notes).allSatisfy(n -> assertThat(n.semaphore()).isNotZero());
    assertThat(notes.stream().collect(Collectors.groupingBy(n -> n.provider() + ":" + n.name(),
            Collectors.mapping(Note::semaphore, Collectors.toSet()))))
        .hasSize(6)
        .allSatisfy((probe, semaphores) -> assertThat(semaphores).as(probe).hasSize(1));
    assertThat(notes.stream().map(Note::semaphore).distinct()).hasSize(6);
  }

  @Test
  void programRunsWithProbesDisabledWhenNoTracerIsAttached() throws Exception {
    Tools.Result run =
        Tools.run(
            List.of(
                Tools.java(),
                // JDK 24+ warns on System.load without it; JDK 17 accepts it too.
                "--enable-native-access=ALL-UNNAMED",
                "-Djusdt.cache.dir=" + Files.createDirectories(dir.resolve("cache")),
                "-cp",
                jar + ":" + Tools.jar("jar.probe-runtime") + ":" + Tools.jar("jar.probe-annotations"),
                "org.example.app.Main"));
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("enabled=false").doesNotContain("WARNING");
  }
}
