package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.jusdt.haconiwa.probe.Phases;
import dev.jusdt.runtime.ProbeLibrary;
import picocli.CommandLine;

/** The command on recorded traces, in process. */
class TraceCommandTest {

  record Run(int status, String out, String err) {}

  @TempDir Path temp;

  @Test
  void printsTheTableAndSummaryOfABccTrace() throws Exception {
    Run run = run(blog().toString());

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith(String.join("\n", Traces.resource("haconiwa-usdt-blog.table.txt")) + "\n\n")
        .contains("summary of 1 boot (ms)\n")
        .contains("   2-21  fork->exec                         1      43.865      43.865      43.865      43.865\n");
  }

  @Test
  void writesTheSvg() throws Exception {
    Path svg = temp.resolve("boots.svg");
    Run run = run(blog().toString(), "--svg", svg.toString());

    assertThat(run.status()).isZero();
    assertThat(run.err()).contains("Wrote " + svg);
    assertThat(Svg.find(Svg.parse(Files.readString(svg)), "g", "row")).hasSize(3 + 3);
  }

  @Test
  void aMalformedFileFailsNamingTheLine() throws Exception {
    Path bad = temp.resolve("bad.txt");
    Files.write(bad, List.of("TIME(s) COMM PID VALUE", "1.0 haconiwa 5 phase:2,sec:1,nsec:1", "oops"));
    Run run = run(bad.toString());

    assertThat(run.status()).isEqualTo(TraceCommand.BAD_INPUT);
    assertThat(run.err()).startsWith(bad + ", line 3: expected 'TIME(s) COMM PID");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    Run run = run(temp.resolve("nope.txt").toString());

    assertThat(run.status()).isEqualTo(TraceCommand.BAD_INPUT);
    assertThat(run.err()).isEqualTo("No such trace file: " + temp.resolve("nope.txt") + "\n");
  }

  @Test
  void liveOptionsDoNotGoWithAFile() throws Exception {
    Run run = run(blog().toString(), "--record", temp.resolve("r").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("--record is for live tracing; it cannot be used with FILE");
  }

  @Test
  void bootsMustBePositive() throws Exception {
    Run run = run("--boots", "0");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("--boots must be 1 or more, was 0");
  }

  @Test
  void aMissingBpftraceNamesThePackage() throws Exception {
    assertThat(ProbeLibrary.load("haconiwa", Phases.class)).isTrue();
    Path library = ProbeLibrary.path("haconiwa").orElseThrow();
    Run run = run("--bpftrace", temp.resolve("no-bpftrace").toString(), "--library", library.toString());

    assertThat(run.status()).isEqualTo(TraceCommand.NO_TRACER);
    assertThat(run.err())
        .startsWith("Cannot run " + temp.resolve("no-bpftrace"))
        .contains("install it (apt-get install bpftrace) or name it with --bpftrace");
  }

  @Test
  void aFileThatIsNotElfIsRefused() throws Exception {
    Run run = run("--library", blog().toString());

    assertThat(run.status()).isEqualTo(TraceCommand.NO_TRACER);
    assertThat(run.err()).startsWith("Cannot trace: " + blog() + " is not an ELF file with USDT notes");
  }

  @Test
  void aProgramWithoutHaconiwaProbesIsRefused() throws Exception {
    Path program = Path.of(System.getProperty("java.home"), "bin", "java");
    Run run = run("--library", program.toString());

    assertThat(run.status()).isEqualTo(TraceCommand.NO_TRACER);
    assertThat(run.err())
        .isEqualTo(
            "Cannot trace: " + program + " has no haconiwa probe [probe-boottime,"
                + " probe-containergen, probe-misc] in its .note.stapsdt (see readelf -n)\n");
  }

  @Test
  void helpListsTheOptionsAndExitStatuses() throws Exception {
    Run run = run("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Usage: trace [-h] [--boots=N] [--bpftrace=PATH] [--library=PATH]")
        .contains("--svg=SVG")
        .contains("3   cannot trace");
  }

  private Path blog() throws Exception {
    Path file = temp.resolve("blog.txt");
    Files.write(file, Traces.resource(Traces.BLOG), StandardCharsets.UTF_8);
    return file;
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TraceCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }
}
