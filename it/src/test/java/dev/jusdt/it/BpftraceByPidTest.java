package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.it.RunningProcess.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bpftrace attaching by pid to a JVM whose JIT-compiled loop fires a probe: the loop starts
 * firing soon after the attach and, after the detach, stops crossing into native code.
 */
class BpftraceByPidTest {

  private static final Pattern STATUS =
      Pattern.compile("^status enabled=(true|false) iterations=(\\d+) crossings=(\\d+)$");

  @TempDir Path dir;

  @Test
  void compiledLoopFiresSoonAfterAttachAndStopsCrossingAfterDetach() throws Exception {
    Tracers.requireBpftrace();
    TracedJvm fixture = TracedJvm.fixture(dir);
    Path library = fixture.library(FixtureSequence.LIBRARY);
    // PrintCompilation goes to a file: on standard output it would tear the fixture's lines.
    Path compilations = dir.resolve("compilations.log");
    List<String> jit =
        List.of(
            "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintCompilation", "-XX:-DisplayVMOutput",
            "-XX:+LogVMOutput", "-XX:LogFile=" + compilations);
    try (RunningProcess program =
        RunningProcess.start("fixture", fixture.command(jit, FixtureSequence.MAIN, "hot"))) {
      program.awaitLine(Pattern.compile("^warm "));
      assertThat(Files.readString(compilations))
          .as("C2 (tier 4) compiled the loop before the attach")
          .containsPattern("\\s4\\s+org\\.example\\.tracing\\.HotLoop::spin");
      assertThat(program.find(Pattern.compile("^enabled at"))).isEmpty();

      long launched = System.nanoTime();
      RunningProcess tracer =
          Tracers.bpftrace(
              "-p", Long.toString(program.pid()), "-e",
              "usdt:" + library + ":fixture:hot { @n = count();"
                  + " if (@first == 0) { @first = 1; printf(\"first-fire %ld\\n\", nsecs); } }"
                  + " END { clear(@first); }");
      try (tracer) {
        long attaching = tracer.find(Pattern.compile("^Attaching")).orElseThrow().readAt();
        long firstFire = number(tracer.awaitLine(Pattern.compile("^first-fire \\d+$")), 1);
        long enabled = number(program.awaitLine(Pattern.compile("^enabled at \\d+$")), 2);
        // System.nanoTime() and bpftrace's nsecs are both CLOCK_MONOTONIC. The fixture's watcher
        // polls the semaphore every 50 us or so, so it may see it after the loop has fired.
        System.out.printf(
            "attach by pid: bpftrace started -> first firing %.1f ms; \"Attaching 1 probe\" printed"
                + " -> first firing %.1f ms; the watcher saw the semaphore raised %.3f ms before the"
                + " first firing%n",
            (firstFire - launched) / 1e6, (firstFire - attaching) / 1e6, (firstFire - enabled) / 1e6);
        assertThat(firstFire - launched).as("ns from launching bpftrace to the first firing")
            .isPositive().isLessThan(30_000_000_000L);
        Thread.sleep(300);
        Tracers.stop(tracer);
      }
      long fired = number(tracer.awaitLine(Pattern.compile("^@n: \\d+$")), 1);

      int disabled = indexOf(program, program.awaitLine(Pattern.compile("^disabled at \\d+$")));
      // A status line's crossings are final once a chunk of the loop has ended after the detach.
      int first = indexOf(program, program.awaitLine(STATUS, disabled));
      Matcher afterDetach = status(program, first);
      int settled = laterStatus(program, first, Long.parseLong(afterDetach.group(2)));
      Matcher before = status(program, settled);
      Thread.sleep(300);
      Matcher later = status(program, laterStatus(program, settled, Long.parseLong(before.group(2))));
      System.out.printf(
          "bpftrace counted %d firings; the loop crossed into native code %d times, then %d"
              + " times more in the next %d iterations after the detach%n",
          fired, Long.parseLong(before.group(3)),
          Long.parseLong(later.group(3)) - Long.parseLong(before.group(3)),
          Long.parseLong(later.group(2)) - Long.parseLong(before.group(2)));
      assertThat(before.group(1)).isEqualTo("false");
      assertThat(later.group(1)).isEqualTo("false");
      assertThat(later.group(3)).as("crossings after the detach").isEqualTo(before.group(3));
      assertThat(fired).isPositive().isLessThanOrEqualTo(Long.parseLong(before.group(3)));

      program.closeInput();
      assertThat(program.awaitExit()).as(program.output()).isZero();
      assertThat(program.find(Pattern.compile("^done ")).orElseThrow().text())
          .endsWith(" crossings=" + before.group(3));
    }
  }

  private static long number(Line line, int field) {
    return Long.parseLong(line.text().split("[ :]+")[field]);
  }

  private static int indexOf(RunningProcess process, Line line) {
    return process.lines().indexOf(line);
  }

  private static Matcher status(RunningProcess process, int index) {
    Matcher m = STATUS.matcher(process.lines().get(index).text());
    assertThat(m.matches()).isTrue();
    return m;
  }

  /** The index of the first status line after {@code from} that counts more iterations. */
  private static int laterStatus(RunningProcess process, int from, long iterations)
      throws InterruptedException {
    int index = from;
    while (true) {
      index = indexOf(process, process.awaitLine(STATUS, index + 1));
      if (Long.parseLong(status(process, index).group(2)) > iterations) {
        return index;
      }
    }
  }
}
