package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads fire while bpftrace counts: no firing lost, and no harm from attach and detach. */
class ExactCountTest {

  private static final Pattern COUNT = Pattern.compile("^@n: \\d+$");

  @TempDir static Path dir;
  private static TracedJvm fixture;
  private static String counter;

  @BeforeAll
  static void extractLibrary() throws Exception {
    Tracers.requireBpftrace();
    fixture = TracedJvm.fixture(dir);
    counter = "usdt:" + fixture.library(FixtureSequence.LIBRARY) + ":fixture:tick { @n = count(); }";
  }

  @Test
  void bpftraceCountsEveryOneOfAMillionFiringsFromEightThreads() throws Exception {
    try (RunningProcess tracer = Tracers.bpftrace("-e", counter);
        RunningProcess program =
            RunningProcess.start(
                "fixture", fixture.command(FixtureSequence.MAIN, "load", "8", "1000000"))) {
      assertThat(program.awaitExit()).as(program.output()).isZero();
      System.out.println(program.awaitLine(Pattern.compile("^fired ")).text());
      Tracers.stop(tracer);
      assertThat(tracer.awaitLine(COUNT).text()).isEqualTo("@n: 1000000");
    }
  }

  @Test
  void threadsFiringThroughRepeatedAttachAndDetachNeitherCrashNorHang() throws Exception {
    try (RunningProcess program =
        RunningProcess.start("fixture", fixture.command(FixtureSequence.MAIN, "churn", "8"))) {
      program.awaitLine(Pattern.compile("^firing from 8 threads"));
      for (int cycle = 1; cycle <= 4; cycle++) {
        try (RunningProcess tracer = Tracers.bpftrace("-e", counter)) {
          Thread.sleep(300);
          Tracers.stop(tracer);
          String count = tracer.awaitLine(COUNT).text();
          System.out.println("attach " + cycle + ": " + count);
          assertThat(Long.parseLong(count.substring(4))).as(tracer.output()).isPositive();
        }
      }
      program.closeInput();
      assertThat(program.awaitExit()).as(program.output()).isZero();
      assertThat(program.awaitLine(Pattern.compile("^done fired=\\d+$")).text()).isNotEmpty();
      assertThat(String.join("\n", program.texts()))
          .doesNotContain("SIGSEGV", "hs_err", "Exception", "WARNING");
    }
  }
}
