package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void minimumMedianAndMaximumPerPhaseOverBoots() {
    List<TraceEvent> events = new ArrayList<>();
    long[] steps = {10, 30, 20};
    for (int i = 0; i < steps.length; i++) {
      events.addAll(Traces.boot(100 + 10 * i, 101 + 10 * i, 100_000L * i, steps[i]));
    }
    String summary = Summary.render(Traces.group(events));

    assertThat(summary).startsWith("summary of 3 boots (ms)\n");
    // Every phase took 10, 30 and 20 µs in the three boots; fork to exec is 11 steps.
    assertThat(summary)
        .contains("     12  CONTAINER_NAMESPACE_GENERATED      3       0.010       0.020       0.030       0.030\n")
        .contains("      0  CLI_START                          3       0.010       0.020       0.030       0.030\n")
        .contains("   2-21  fork->exec                         3       0.110       0.220       0.330       0.330\n");
    assertThat(summary.lines().map(l -> l.substring(0, 7).strip()).toList())
        .containsExactly(
            "summary", "phase", "0", "1", "31", "32", "2", "11", "12", "13", "14", "15", "16",
            "17", "18", "19", "20", "3", "4", "5", "2-21");
  }
}
