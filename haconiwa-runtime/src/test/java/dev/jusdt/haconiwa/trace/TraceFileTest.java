package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {

  @TempDir Path temp;

  @Test
  void recognisesARecording() throws Exception {
    Path file = temp.resolve("rec.trace");
    Files.write(
        file,
        List.of(RecordFormat.MAGIC, RecordFormat.COLUMNS, "boottime 10 1 2 5 6 java"));

    assertThat(TraceFile.read(file))
        .containsExactly(new TraceEvent(Probe.BOOTTIME, 10, 1, "java", 2, 5_000_000_006L, null, null, 3));
  }

  @Test
  void recognisesBccOutput() throws Exception {
    assertThat(TraceFile.parse("b", Traces.resource(Traces.BLOG))).hasSize(16);
  }

  @Test
  void refusesAnythingElseAtLineOne() {
    assertThatThrownBy(() -> TraceFile.parse("notes.txt", List.of("hello", "world")))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("notes.txt, line 1: not a haconiwa trace: expected '# haconiwa-trace v1'");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> TraceFile.parse("empty", List.of()))
        .hasMessageStartingWith("empty, line 1: not a haconiwa trace");
  }
}
