package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.it.Readelf.Note;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** haconiwa-runtime's jar carries the source document's probes, exactly. */
class HaconiwaRuntimeJarTest {

  @TempDir static Path dir;
  private static List<Note> notes;

  @BeforeAll
  static void readJar() throws Exception {
    Path library =
        Tools.extract(
            Tools.jar("jar.haconiwa-runtime"),
            "META-INF/native/linux-x86_64/libhaconiwa.so",
            dir.resolve("libhaconiwa.so"));
    notes = Readelf.notes(library);
  }

  @Test
  void providerHaconiwaHasTheThreeProbesOfTheSourceDocument() {
    assertThat(notes.stream().map(n -> n.provider() + ":" + n.name()).distinct())
        .containsExactlyInAnyOrder("haconiwa:probe-boottime", "haconiwa:probe-containergen", "haconiwa:probe-misc");
  }

  @Test
  void boottimeAndContainergenCarryThreeLongsAndMiscTwoArguments() {
    assertThat(Readelf.of(notes, "haconiwa", "probe-boottime"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.formats()).containsExactly("-8", "-8", "-8"));
    assertThat(Readelf.of(notes, "haconiwa", "probe-containergen"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.formats()).containsExactly("-8", "-8", "-8"));
    assertThat(Readelf.of(notes, "haconiwa", "probe-misc"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.formats()).hasSize(2).startsWith("-8"));
  }

  @Test
  void handWrittenChildCodeFiresTheSameProbeWithTheSameSemaphore() {
    List<Note> containergen = Readelf.of(notes, "haconiwa", "probe-containergen");
    // One site in the generated JNI function, eleven in child_phases.c (one per phase macro).
    assertThat(containergen).hasSizeGreaterThanOrEqualTo(12);
    assertThat(containergen.stream().map(Note::semaphore).distinct()).singleElement().isNotEqualTo(0L);
  }

  @Test
  void everyNoteHasASemaphore() {
    assertThat(notes).isNotEmpty().allSatisfy(n -> assertThat(n.semaphore()).isNotZero());
  }
}
