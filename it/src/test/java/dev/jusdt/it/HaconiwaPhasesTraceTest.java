package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace scripts in haconiwa-runtime's jar, run against a real run of every haconiwa phase:
 * each phase by its constant's name, with its boot time and the time since the previous phase.
 */
class HaconiwaPhasesTraceTest {

  private static final String MAIN = "dev.jusdt.haconiwa.probe.FireAllPhases";

  /** FireAllPhases's order; the user hooks (probe-misc) carry no time. */
  private static final List<String> PHASES =
      List.of(
          "PHASE_CLI_START", "PHASE_START_SV", "PHASE_START_CREATE_NETWORK",
          "PHASE_END_CREATE_NETWORK", "PHASE_START_FORK", "PHASE_CONTAINER_START",
          "PHASE_CONTAINER_NAMESPACE_GENERATED", "PHASE_CONTAINER_FILESYSTEM_SETUP",
          "PHASE_CONTAINER_RLIMIT_SETUP", "PHASE_CONTAINER_CGROUP_SETUP",
          "PHASE_CONTAINER_REMOUNTED", "PHASE_CONTAINER_UID_MAPPING_SETUP",
          "PHASE_CONTAINER_CHROOTED", "PHASE_CONTAINER_CAPABILITY_SETUP",
          "PHASE_CONTAINER_SECCOMP_SETUP", "PHASE_CONTAINER_EXECING", "PHASE_END_SETUP",
          "PHASE_START_WAIT", "PHASE_USER_1", "PHASE_USER_2", "PHASE_END_WAIT", "PHASE_CLEANUP");

  private static final Pattern BPFTRACE_PHASE =
      Pattern.compile(
          "^(probe-\\S+)\\s+pid=(\\d+)\\s+phase=(\\w+)\\((\\d+)\\)"
              + "(?: sec=(\\d+) nsec=(\\d{9}) (first phase of this process|\\+\\d+\\.\\d{6} ms since (\\w+)))?"
              + "(?: value=(.*))?$");

  private static final Pattern BCC_PHASE =
      Pattern.compile(
          "^phase:(\\d+),(?:sec:(\\d+),nsec:(\\d+)|value:(.*)) (\\w+)"
              + "(?: \\(first phase of this process\\)| \\+\\d+\\.\\d{6} ms since (\\w+))?$");

  @TempDir static Path dir;
  private static TracedJvm haconiwa;
  private static Path library;

  @BeforeAll
  static void extractLibrary() throws Exception {
    haconiwa = TracedJvm.haconiwa(dir);
    library = haconiwa.library("haconiwa");
  }

  @Test
  void bpftraceScriptNamesEveryPhaseWithTheTimeSinceThePreviousOne() throws Exception {
    Tracers.requireBpftrace();
    Path script = haconiwa.extract("META-INF/jusdt/haconiwa/haconiwa.bt", dir);
    try (RunningProcess tracer = Tracers.bpftrace(script.toString(), library.toString());
        RunningProcess program = RunningProcess.start("haconiwa", TracedJvm.onOneCpu(haconiwa.command(MAIN)))) {
      assertThat(program.awaitExit()).as(program.output()).isZero();
      tracer.awaitLine(Pattern.compile("PHASE_CLEANUP"));
      Tracers.stop(tracer);
      System.out.println("bpftrace " + script.getFileName() + " saw:\n" + tracer.output());

      List<String> names = new ArrayList<>();
      String previousTimed = null;
      long previousNs = 0;
      for (String line : tracer.texts()) {
        Matcher m = BPFTRACE_PHASE.matcher(line);
        if (!m.matches()) {
          assertThat(line).as("an unparsed firing").doesNotStartWith("probe-");
          continue;
        }
        assertThat(Long.parseLong(m.group(2))).isEqualTo(program.pid());
        names.add(m.group(3));
        if (m.group(1).equals("probe-misc")) {
          assertThat(m.group(9)).matches(
              m.group(3).equals("PHASE_USER_1") ? "42\\|\"\"" : "\\d+\\|\"hook: hello from the container file\"");
          continue;
        }
        long ns = Long.parseLong(m.group(5)) * 1_000_000_000L + Long.parseLong(m.group(6));
        if (previousTimed == null) {
          assertThat(m.group(7)).isEqualTo("first phase of this process");
        } else {
          assertThat(m.group(8)).as(line).isEqualTo(previousTimed);
          assertThat(ns).as(line).isGreaterThanOrEqualTo(previousNs);
          String millis = m.group(7).substring(1, m.group(7).indexOf(' '));
          assertThat(Math.round(Double.parseDouble(millis) * 1e6)).isEqualTo(ns - previousNs);
        }
        previousTimed = m.group(3);
        previousNs = ns;
      }
      assertThat(names).containsExactlyElementsOf(PHASES);
    }
  }

  @Test
  void bccScriptRecordsPhasesWithBootTimesThatAgreeWithTheKernelsBootClock() throws Exception {
    Tracers.requireBcc();
    Path script = haconiwa.extract("META-INF/jusdt/haconiwa/haconiwa_trace.py", dir);
    try (RunningProcess tracer = Tracers.bcc(script, library.toString());
        RunningProcess program = RunningProcess.start("haconiwa", TracedJvm.onOneCpu(haconiwa.command(MAIN)))) {
      assertThat(program.awaitExit()).as(program.output()).isZero();
      tracer.awaitLine(Pattern.compile("PHASE_CLEANUP"));
      Tracers.stop(tracer);
      System.out.println(script.getFileName() + " saw:\n" + tracer.output());

      List<String> names = new ArrayList<>();
      long previousNs = 0;
      long maxLag = 0;
      for (String line : tracer.texts()) {
        Matcher row = FixtureSequence.BCC_ROW.matcher(line);
        if (!row.matches()) {
          continue;
        }
        assertThat(row.group(3)).isEqualTo("java");
        assertThat(Long.parseLong(row.group(4))).isEqualTo(program.pid());
        Matcher m = BCC_PHASE.matcher(row.group(5));
        assertThat(m.matches()).as(line).isTrue();
        names.add(m.group(5));
        if (m.group(4) != null) {
          assertThat(m.group(4)).isIn("42", "\"hook: hello from the container file\"");
          continue;
        }
        assertThat(Long.parseLong(m.group(3))).isBetween(0L, 999_999_999L);
        long ns = Long.parseLong(m.group(2)) * 1_000_000_000L + Long.parseLong(m.group(3));
        assertThat(ns).as(line).isGreaterThanOrEqualTo(previousNs);
        // TIME(s) is bpf_ktime_get_boot_ns() at the firing; the probe read CLOCK_BOOTTIME just before.
        long lag = Long.parseLong(row.group(1)) * 1_000_000_000L + Long.parseLong(row.group(2)) - ns;
        assertThat(lag).as("ns from the probe's clock read to the tracer's, " + line).isBetween(0L, 1_000_000L);
        maxLag = Math.max(maxLag, lag);
        previousNs = ns;
      }
      System.out.println("the tracer's boot clock ran at most " + maxLag + " ns behind the probes'");
      assertThat(names).containsExactlyElementsOf(PHASES);
    }
  }

  @Test
  void tplistListsTheProbesOfTheLibrary() throws Exception {
    Tools.requireTool("tplist-bpfcc", "bpfcc-tools");
    Tools.Result result = Tools.run(List.of("tplist-bpfcc", "-l", library.toString()));
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains(library + " haconiwa:probe-boottime")
        .contains(library + " haconiwa:probe-containergen")
        .contains(library + " haconiwa:probe-misc");
  }
}
