package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BpftraceProgramTest {

  private static final Path LIB = Path.of("/cache/abc/libhaconiwa.so");
  private static final Set<String> ALL = Set.copyOf(BpftraceProgram.PROBES);

  @Test
  void attachesTheThreeProbesByPath() {
    String text = new BpftraceProgram(LIB, ALL, true).text();

    assertThat(text)
        .contains("usdt:/cache/abc/libhaconiwa.so:haconiwa:probe-boottime {")
        .contains("usdt:/cache/abc/libhaconiwa.so:haconiwa:probe-containergen {")
        .contains("usdt:/cache/abc/libhaconiwa.so:haconiwa:probe-misc {")
        .contains("curtask->real_parent->tgid");
  }

  @Test
  void attachesOnlyTheProbesTheFileHas() {
    String text = new BpftraceProgram(LIB, Set.of("probe-boottime", "probe-containergen"), true).text();

    assertThat(text).contains(":haconiwa:probe-boottime {").doesNotContain("probe-misc");
  }

  @Test
  void withoutBtfTheParentIsUnknown() {
    assertThat(new BpftraceProgram(LIB, ALL, false).text()).doesNotContain("curtask").contains(", -1,");
  }

  @Test
  void readsATimedFiring() {
    BpftraceProgram program = new BpftraceProgram(LIB, ALL, true);

    assertThat(program.parse("HT c 31498 31360 11 3560 44742890 3560000000000 java main", 7))
        .hasValue(
            new TraceEvent(Probe.CONTAINERGEN, 31498, 31360, "java main", 11, 3560_044742890L,
                null, null, 7));
  }

  @Test
  void aHookWithANumberTakesTheClockOfTheLastTimedFiring() {
    BpftraceProgram program = new BpftraceProgram(LIB, ALL, true);
    // CLOCK_BOOTTIME is 5 s ahead of bpftrace's nsecs (time spent suspended).
    program.parse("HT b 1 0 4 105 0 100000000000 java", 1);

    assertThat(program.parse("HT m 1 0 123 42 0 100000000500 java", 2)).isEmpty();
    assertThat(program.parse("HS ", 3))
        .hasValue(new TraceEvent(Probe.MISC, 1, 0, "java", 123, 105_000_000_500L, 42L, null, 2));
  }

  @Test
  void aHookWithAStringKeepsTheText() {
    BpftraceProgram program = new BpftraceProgram(LIB, ALL, true);
    program.parse("HT m 1 0 124 140031294431312 0 7 java", 1);

    assertThat(program.parse("HS hook: hello from the container file", 2))
        .hasValueSatisfying(e -> {
          assertThat(e.text()).isEqualTo("hook: hello from the container file");
          assertThat(e.number()).isNull();
        });
  }

  @Test
  void ignoresBpftracesOwnMessages() {
    BpftraceProgram program = new BpftraceProgram(LIB, ALL, true);

    assertThat(program.parse("Attaching 4 probes...", 1)).isEmpty();
    assertThat(program.parse("", 2)).isEmpty();
    assertThat(BpftraceProgram.isReady("HR ready")).isTrue();
  }

  @Test
  void malformedOutputIsReportedNotSwallowed() {
    BpftraceProgram program = new BpftraceProgram(LIB, ALL, true);

    assertThatThrownBy(() -> program.parse("HT x 1 2 3 4 5 6 java", 1))
        .hasMessageContaining("unknown probe 'x'");
    assertThatThrownBy(() -> program.parse("HT b 1 2", 1)).hasMessageContaining("expected 9 fields");
    assertThatThrownBy(() -> program.parse("HS lost", 1)).hasMessageContaining("without its event");
  }
}
