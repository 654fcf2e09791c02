package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The source document's hand analysis, automated: the real figures from its own trace. */
class BootTableTest {

  @Test
  void namespacesTookSixteenMillisecondsNotAHundredAndFifty() throws Exception {
    String table = BootTable.render(Traces.blogBoots().get(0));

    // 102950.006447448 - 102949.990286467 s
    assertThat(table)
        .contains("     11  CONTAINER_START                child      28810     148.086      16.161  phase 12\n");
  }

  @Test
  void pivotRootTookNineteenMillisecondsNotAHundredAndNinety() throws Exception {
    String table = BootTable.render(Traces.blogBoots().get(0));

    // 102950.027620084 - 102950.008318743 s
    assertThat(table)
        .contains("     17  CONTAINER_UID_MAPPING_SETUP    child      28810     166.119      19.301  phase 18\n");
  }

  @Test
  void forkToExecIsPhaseTwoToTwentyOne() throws Exception {
    assertThat(BootTable.render(Traces.blogBoots().get(0)))
        .endsWith("  fork->exec (phase 2 -> 21): 43.865 ms\n");
  }

  @Test
  void theWholeTableMatchesTheGoldenFile() throws Exception {
    String table = BootTable.render(Traces.blogBoots().get(0));

    assertThat(table.lines().toList())
        .isEqualTo(Traces.resource("haconiwa-usdt-blog.table.txt"));
  }

  @Test
  void phasesAreListedByNameInTimeOrder() throws Exception {
    List<String> names =
        BootTable.render(Traces.blogBoots().get(0)).lines().skip(2).limit(16)
            .map(l -> l.substring(9, 40).strip()).toList();

    assertThat(names)
        .containsExactly(
            "START_SV", "START_FORK", "CONTAINER_START", "CONTAINER_NAMESPACE_GENERATED",
            "CONTAINER_FILESYSTEM_SETUP", "CONTAINER_RLIMIT_SETUP", "CONTAINER_CGROUP_SETUP",
            "CONTAINER_REMOUNTED", "CONTAINER_UID_MAPPING_SETUP", "CONTAINER_CHROOTED",
            "CONTAINER_CAPABILITY_SETUP", "CONTAINER_SECCOMP_SETUP", "END_SETUP",
            "CONTAINER_EXECING", "START_WAIT", "USER_2");
  }

  @Test
  void aHookShowsItsValue() {
    List<TraceEvent> events = new java.util.ArrayList<>(Traces.boot(100, 101, 0, 10));
    events.add(new TraceEvent(Probe.MISC, 100, 1, "haconiwa", 123, 175_000, 42L, null, 0));
    events.add(new TraceEvent(Probe.MISC, 100, 1, "haconiwa", 124, 176_000, null, "hi", 0));

    assertThat(BootTable.render(Traces.group(events).get(0)))
        .contains("    123  USER_1                         hook         100       0.175              value 42\n")
        .contains("    124  USER_2                         hook         100       0.176              value \"hi\"\n");
  }
}
