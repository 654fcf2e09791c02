package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

  @Test
  void writesOneReadableLinePerEvent() {
    TraceEvent hook =
        new TraceEvent(Probe.MISC, 28806, TraceEvent.UNKNOWN_PID, "my comm", 124, 102955_113981855L,
            null, "hook: a\\b", 0);

    assertThat(RecordFormat.format(hook))
        .isEqualTo("misc 28806 - 124 102955 113981855 my\\scomm s:hook:\\sa\\\\b");
    assertThat(RecordFormat.format(Traces.runtime(5, 1, 2, 1_000_001)))
        .isEqualTo("boottime 5 1 2 1 1000 haconiwa");
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    List<TraceEvent> events =
        List.of(
            Traces.runtime(5, 1, 0, 10),
            Traces.child(6, 5, 11, 20),
            new TraceEvent(Probe.MISC, 5, 1, "java", 123, 30_000, -42L, null, 0),
            new TraceEvent(Probe.MISC, 5, 1, "java", 124, 40_000, null, "", 0),
            new TraceEvent(Probe.UNKNOWN, 7, TraceEvent.UNKNOWN_PID, "<...>", 2, 50_000, null, null, 0));

    assertThat(roundTrip(events)).isEqualTo(events);
  }

  @Property(tries = 300)
  void escapesSurviveAnyText(@ForAll String comm, @ForAll String text) throws Exception {
    TraceEvent event = new TraceEvent(Probe.MISC, 1, 2, comm.isEmpty() ? "x" : comm, 3, 4, null, text, 0);

    assertThat(roundTrip(List.of(event))).containsExactly(event);
  }

  @Test
  void wrongFieldCountNamesTheLine() {
    assertThatThrownBy(() -> parse("boottime 5 1 2 1 1000"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(
            "rec, line 3: expected 'probe pid ppid phase sec nsec comm [n:<value>|s:<text>]';"
                + " 6 fields in: boottime 5 1 2 1 1000");
  }

  @Test
  void unknownProbeNamesTheLine() {
    assertThatThrownBy(() -> parse("boot 5 1 2 1 1000 java"))
        .hasMessageStartingWith("rec, line 3: expected")
        .hasMessageContaining("unknown probe 'boot'");
  }

  @Test
  void notANumberNamesTheLine() {
    assertThatThrownBy(() -> parse("boottime 5 x 2 1 1000 java"))
        .hasMessageStartingWith("rec, line 3:")
        .hasMessageContaining("not a number");
  }

  @Test
  void badValueNamesTheLine() {
    assertThatThrownBy(() -> parse("misc 5 1 123 1 1000 java v:3"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("value 'v:3' is neither n:<long> nor s:<text>");
    assertThatThrownBy(() -> parse("misc 5 1 123 1 1000 java s:a\\q"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("bad escape in value");
  }

  @Test
  void nanosecondsMustBeBelowASecond() {
    assertThatThrownBy(() -> parse("boottime 5 1 2 1 1000000000 java"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("nsec 1000000000 is not in 0..999999999");
  }

  @Test
  void aRecordingStartsWithItsVersion() {
    assertThatThrownBy(() -> RecordFormat.parse("rec", List.of("# haconiwa-trace v2")))
        .hasMessage("rec, line 1: expected '# haconiwa-trace v1'");
  }

  private static List<TraceEvent> parse(String line) throws TraceFormatException {
    return RecordFormat.parse("rec", List.of(RecordFormat.MAGIC, RecordFormat.COLUMNS, line));
  }

  private static List<TraceEvent> roundTrip(List<TraceEvent> events) throws TraceFormatException {
    List<String> lines = new ArrayList<>(List.of(RecordFormat.MAGIC, RecordFormat.COLUMNS));
    events.forEach(e -> lines.add(RecordFormat.format(e)));
    List<TraceEvent> read = RecordFormat.parse("rec", lines);
    List<TraceEvent> withoutLines = new ArrayList<>();
    read.forEach(e -> withoutLines.add(e.atLine(0)));
    return withoutLines;
  }
}
