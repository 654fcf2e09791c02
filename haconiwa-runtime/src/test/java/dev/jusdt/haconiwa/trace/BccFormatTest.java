package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BccFormatTest {

  @Test
  void readsEveryLineOfTheSourceDocumentsTrace() throws Exception {
    List<TraceEvent> events = Traces.blogEvents();

    assertThat(events).hasSize(16);
    assertThat(events.get(0))
        .isEqualTo(
            new TraceEvent(
                Probe.UNKNOWN, 28804, TraceEvent.UNKNOWN_PID, "haconiwa", 1,
                102949_842200234L, null, null, 2));
    assertThat(events.get(3).phase()).isEqualTo(12);
    // nsec:6447448 is 0.006447448 s, not 0.6447448 s.
    assertThat(events.get(3).nanos()).isEqualTo(102950_006447448L);
    assertThat(events).extracting(TraceEvent::phase)
        .containsExactly(1, 2, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 3, 21, 4, 124);
  }

  @Test
  void keepsTheLostCommMarker() throws Exception {
    assertThat(Traces.blogEvents().get(1).comm()).isEqualTo("<...>");
    assertThat(Traces.blogEvents().get(1).pid()).isEqualTo(28806);
  }

  @Test
  void skipsThePreambleBlankLinesAndElisions() throws Exception {
    List<TraceEvent> events =
        BccFormat.parse(
            "t",
            List.of(
                "tracing program ./mruby/bin/haconiwa",
                "TIME(s)            COMM     PID    VALUE",
                "",
                "1.5   my comm 7  phase:11,sec:3,nsec:4",
                "..."));

    assertThat(events).singleElement()
        .satisfies(e -> {
          assertThat(e.comm()).isEqualTo("my comm");
          assertThat(e.pid()).isEqualTo(7);
          assertThat(e.nanos()).isEqualTo(3_000_000_004L);
          assertThat(e.line()).isEqualTo(4);
        });
  }

  @Test
  void malformedLineIsNamedByNumber() {
    List<String> lines =
        List.of(
            "TIME(s)            COMM     PID    VALUE",
            "102935.009095000   haconiwa 28804  phase:1,sec:102949,nsec:842200234",
            "102935.156848000   <...>    28806  phase:2,sec:102949");

    assertThatThrownBy(() -> BccFormat.parse("blog.txt", lines))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("blog.txt, line 3: expected 'TIME(s) COMM PID phase:<n>,sec:<s>,nsec:<ns>'")
        .hasMessageEndingWith("got: 102935.156848000   <...>    28806  phase:2,sec:102949")
        .extracting(e -> ((TraceFormatException) e).line())
        .isEqualTo(3);
  }

  @Test
  void rejectsNanosecondsOfASecondOrMore() {
    List<String> lines =
        List.of("TIME(s) COMM PID VALUE", "1.0 haconiwa 5 phase:2,sec:1,nsec:1000000000");

    assertThatThrownBy(() -> BccFormat.parse("t", lines))
        .hasMessage("t, line 2: nsec 1000000000 is not in 0..999999999: "
            + "1.0 haconiwa 5 phase:2,sec:1,nsec:1000000000");
  }

  @Test
  void rejectsAPidTooLargeForAnInt() {
    List<String> lines =
        List.of("TIME(s) COMM PID VALUE", "1.0 haconiwa 99999999999 phase:2,sec:1,nsec:1");

    assertThatThrownBy(() -> BccFormat.parse("t", lines))
        .hasMessageStartingWith("t, line 2: number out of range");
  }
}
