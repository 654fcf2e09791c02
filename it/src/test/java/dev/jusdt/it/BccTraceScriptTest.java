package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated bcc script reads every argument of every probe, by path and by pid. */
class BccTraceScriptTest {

  @TempDir static Path dir;
  private static TracedJvm fixture;
  private static Path script;

  @BeforeAll
  static void extractScript() throws Exception {
    Tracers.requireBcc();
    fixture = TracedJvm.fixture(dir);
    script = fixture.extract(FixtureSequence.BCC_SCRIPT, dir);
  }

  @Test
  void byPathRecordsAllTwelveArgumentsAndStringsUpTo255Bytes() throws Exception {
    Path library = fixture.library(FixtureSequence.LIBRARY);
    try (RunningProcess tracer = Tracers.bcc(script, library.toString());
        RunningProcess program =
            RunningProcess.start(
                "fixture", TracedJvm.onOneCpu(fixture.command(FixtureSequence.MAIN, "sequence")))) {
      assertThat(program.awaitExit()).as(program.output()).isZero();
      tracer.awaitLine(Pattern.compile("PHASE_SERVING"));
      Tracers.stop(tracer);

      assertThat(FixtureSequence.bccValues(tracer.texts(), program.pid()))
          .as(tracer.output())
          .containsExactlyElementsOf(FixtureSequence.bccValues());
    }
  }

  @Test
  void byPidFindsTheLibraryInTheProcessAndTracesIt() throws Exception {
    try (RunningProcess program =
        RunningProcess.start("fixture", fixture.command(FixtureSequence.MAIN, "phases"))) {
      // The fixture has loaded its library and waits for a tracer before firing.
      program.awaitLine(Pattern.compile("^waiting for a tracer"));
      try (RunningProcess tracer = Tracers.bcc(script, "-p", Long.toString(program.pid()))) {
        assertThat(tracer.awaitLine(Pattern.compile("^tracing process " + program.pid())).text())
            .endsWith("libtracingfixture.so)");
        assertThat(program.awaitExit()).as(program.output()).isZero();
        tracer.awaitLine(Pattern.compile("PHASE_SERVING"));
        Tracers.stop(tracer);
        assertThat(FixtureSequence.bccValues(tracer.texts(), program.pid()))
            .as(tracer.output())
            .containsExactly(
                "phase:1,sec:S,nsec:N PHASE_INIT (first phase of this process)",
                "phase:2,sec:S,nsec:N PHASE_CONFIGURED +T ms since PHASE_INIT",
                "phase:3,sec:S,nsec:N PHASE_SERVING +T ms since PHASE_CONFIGURED");
      }
    }
  }
}
