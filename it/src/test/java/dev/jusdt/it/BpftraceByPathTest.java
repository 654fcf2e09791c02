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
 * bpftrace started on the library's path before the JVM (the source document's workflow, no pid
 * hunting) records every firing with exactly the arguments the program passed.
 */
class BpftraceByPathTest {

  @TempDir static Path dir;
  private static TracedJvm fixture;
  private static Path library;

  @BeforeAll
  static void extractLibrary() throws Exception {
    Tracers.requireBpftrace();
    fixture = TracedJvm.fixture(dir);
    library = fixture.library(FixtureSequence.LIBRARY);
  }

  @Test
  void generatedScriptRecordsTheExactSequenceOfEveryProbe() throws Exception {
    Path script = fixture.extract(FixtureSequence.BPFTRACE_SCRIPT, dir);
    try (RunningProcess tracer = Tracers.bpftrace(script.toString(), library.toString());
        RunningProcess program =
            RunningProcess.start(
                "fixture", TracedJvm.onOneCpu(fixture.command(FixtureSequence.MAIN, "sequence")))) {
      assertThat(program.awaitExit()).as(program.output()).isZero();
      tracer.awaitLine(Pattern.compile("^boot .*PHASE_SERVING"));
      Tracers.stop(tracer);

      assertThat(FixtureSequence.bpftraceFirings(tracer.texts(), program.pid()))
          .as(tracer.output())
          .containsExactlyElementsOf(FixtureSequence.bpftraceLines());
    }
  }

  @Test
  void bootPhasesCarryMonotonicBootTimeThatAgreesWithTheTracersClock() throws Exception {
    // bpftrace 0.17's nsecs is CLOCK_MONOTONIC; the fixture prints CLOCK_BOOTTIME minus it.
    String program =
        "usdt:" + library + ":fixture:boot { printf(\"boot %ld %ld %ld %ld\\n\","
            + " (int64)arg0, (int64)arg1, (int64)arg2, nsecs); }";
    try (RunningProcess tracer = Tracers.bpftrace("-e", program);
        RunningProcess fixtureRun =
            RunningProcess.start("fixture", fixture.command(FixtureSequence.MAIN, "phases"))) {
      assertThat(fixtureRun.awaitExit()).as(fixtureRun.output()).isZero();
      tracer.awaitLine(Pattern.compile("^boot 3 "));
      Tracers.stop(tracer);

      long before = offset(fixtureRun, "offset-before");
      long after = offset(fixtureRun, "offset-after");
      assertThat(Math.abs(after - before)).as("suspended during the run?").isLessThan(1_000_000L);
      List<long[]> firings = new ArrayList<>();
      Pattern boot = Pattern.compile("^boot (\\d+) (\\d+) (\\d+) (\\d+)$");
      for (String line : tracer.texts()) {
        Matcher m = boot.matcher(line);
        if (m.matches()) {
          firings.add(new long[] {
            Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
        }
      }
      assertThat(firings).as(tracer.output()).extracting(f -> f[0]).containsExactly(1L, 2L, 3L);
      long previous = 0;
      for (long[] f : firings) {
        assertThat(f[2]).as("tv_nsec").isBetween(0L, 999_999_999L);
        long boottime = f[1] * 1_000_000_000L + f[2];
        long lag = f[3] - (boottime - before);
        System.out.printf(
            "phase %d: CLOCK_BOOTTIME %d.%09d, bpftrace nsecs %d, tracer %d ns after the probe's"
                + " clock read%n",
            f[0], f[1], f[2], f[3], lag);
        // The probe reads the clock in its JNI function; the tracer's clock runs at the trap.
        assertThat(lag).as("ns from the probe's clock_gettime to bpftrace's nsecs").isBetween(0L, 1_000_000L);
        if (previous != 0) {
          // The fixture sleeps 20 ms between phases.
          assertThat(boottime - previous).isBetween(20_000_000L, 2_000_000_000L);
        }
        previous = boottime;
      }
    }
  }

  private static long offset(RunningProcess process, String name) {
    String line =
        process.find(Pattern.compile("^" + name + "=-?\\d+$")).orElseThrow(
            () -> new AssertionError(process.output())).text();
    return Long.parseLong(line.substring(name.length() + 1));
  }
}
