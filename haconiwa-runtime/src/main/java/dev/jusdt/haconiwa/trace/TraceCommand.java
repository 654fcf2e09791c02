package dev.jusdt.haconiwa.trace;

import dev.jusdt.elf.ElfFormatException;
import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import dev.jusdt.haconiwa.probe.Phases;
import dev.jusdt.runtime.ProbeLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haconiwa trace [FILE]}: the phase-latency report. Without a file it attaches bpftrace to
 * the haconiwa probe library by path and reports every container boot it sees until Ctrl-C; with a
 * file it reads a trace recorded by {@code --record} or printed by the source document's bcc
 * script. Either way it prints, per boot, each phase by name with the time it took, and fork to
 * exec; then a summary (minimum, median, maximum per phase); {@code --svg} also draws a timeline.
 */
@Command(
    name = "trace",
    description = {
      "Report the time each container boot spends in each phase.",
      "Without FILE: trace live with bpftrace, attached to the probe library by path, so every"
          + " container started meanwhile is seen; Ctrl-C ends it and prints a summary.",
      "With FILE: read a trace recorded with --record, or the output of the bcc script of the"
          + " haconiwa USDT post (TIME(s) COMM PID VALUE)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the report was printed",
      "1:the trace file cannot be read or is malformed (the message names the line), or the"
          + " recording cannot be written",
      "2:wrong options",
      "3:cannot trace: bpftrace is missing or failed, or the probe library cannot be loaded"
    },
    sortOptions = false)
public final class TraceCommand implements Callable<Integer> {

  /** The report was printed. */
  static final int OK = 0;

  /** The trace file cannot be read or is malformed. */
  static final int BAD_INPUT = 1;

  /** Tracing is not possible. */
  static final int NO_TRACER = 3;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A recorded trace to read instead of tracing live.")
  Path file;

  @Option(
      names = "--svg",
      paramLabel = "SVG",
      description = "Also write an SVG timeline: one row per process, a bar per phase.")
  Path svg;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Live only: save every probe firing to FILE, for 'haconiwa trace FILE' later.")
  Path record;

  @Option(
      names = "--boots",
      paramLabel = "N",
      description = "Live only: stop after N finished boots (default: at Ctrl-C).")
  Integer boots;

  @Option(
      names = "--library",
      paramLabel = "PATH",
      description =
          "Live only: the probe library to attach to (default: libhaconiwa.so of this"
              + " program, at its stable path in the jusdt cache).")
  Path library;

  @Option(
      names = "--bpftrace",
      paramLabel = "PATH",
      defaultValue = "bpftrace",
      description = "Live only: the bpftrace to run (default: ${DEFAULT-VALUE} on the PATH).")
  String bpftrace;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /**
   * Runs {@code trace} alone, until it is registered in the {@code haconiwa} command.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TraceCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (file != null) {
      for (String option : List.of("--record", "--boots", "--library")) {
        if (spec.findOption(option) != null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), option + " is for live tracing; it cannot be used with FILE");
        }
      }
      return fromFile(out, err);
    }
    if (boots != null && boots < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--boots must be 1 or more, was " + boots);
    }
    return live(out, err);
  }

  private int fromFile(PrintWriter out, PrintWriter err) throws IOException {
    List<TraceEvent> events;
    try {
      events = new ArrayList<>(TraceFile.read(file));
    } catch (NoSuchFileException e) {
      err.println("No such trace file: " + file);
      return BAD_INPUT;
    } catch (TraceFormatException e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    // Tracers print per-CPU buffers in turn; the probes' own clocks give the true order.
    events.sort(Comparator.comparingLong(TraceEvent::nanos));
    BootGrouper grouper = new BootGrouper();
    events.forEach(grouper::add);
    report(out, err, grouper.boots(), Set.of());
    return OK;
  }

  private int live(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
    Optional<Path> attachTo = Optional.ofNullable(library);
    if (attachTo.isEmpty()) {
      attachTo =
          ProbeLibrary.load("haconiwa", Phases.class)
              ? ProbeLibrary.path("haconiwa")
              : Optional.empty();
    }
    if (attachTo.isEmpty()) {
      err.println(
          "Cannot trace: the haconiwa probe library did not load (the warning above says why);"
              + " name one with --library PATH");
      return NO_TRACER;
    }
    if (!Files.isRegularFile(attachTo.get())) {
      err.println("Cannot trace: no probe library at " + attachTo.get());
      return NO_TRACER;
    }
    Set<String> probes = new TreeSet<>();
    try {
      for (SdtProbe probe : ElfNoteReader.readProbes(attachTo.get())) {
        if (probe.provider().equals("haconiwa") && BpftraceProgram.PROBES.contains(probe.name())) {
          probes.add(probe.name());
        }
      }
    } catch (ElfFormatException e) {
      err.println("Cannot trace: " + attachTo.get() + " is not an ELF file with USDT notes: " + e.getMessage());
      return NO_TRACER;
    }
    if (probes.isEmpty()) {
      err.println(
          "Cannot trace: " + attachTo.get() + " has no haconiwa probe "
              + BpftraceProgram.PROBES + " in its .note.stapsdt (see readelf -n)");
      return NO_TRACER;
    }
    Writer recording = null;
    if (record != null) {
      try {
        recording = Files.newBufferedWriter(record, StandardCharsets.UTF_8);
        recording.write(RecordFormat.MAGIC + "\n" + RecordFormat.COLUMNS + "\n");
        recording.flush();
      } catch (IOException e) {
        err.println("Cannot write the recording " + record + ": " + e.getMessage());
        return BAD_INPUT;
      }
    }
    LiveTrace.Outcome outcome =
        new LiveTrace(
                attachTo.get(),
                probes,
                bpftrace,
                out,
                err,
                recording,
                boots == null ? Integer.MAX_VALUE : boots,
                library == null ? TraceCommand::probesAttached : null)
            .run();
    if (outcome.tracerFailed()) {
      return NO_TRACER;
    }
    report(out, err, outcome.boots(), outcome.printed());
    return OK;
  }

  private static boolean probesAttached() {
    return HaconiwaProbes.isProbeBoottimeEnabled()
        && HaconiwaProbes.isProbeContainergenEnabled()
        && HaconiwaProbes.isProbeMiscEnabled();
  }

  private void report(PrintWriter out, PrintWriter err, List<Boot> all, Set<Integer> printed)
      throws IOException {
    for (Boot boot : all) {
      if (!printed.contains(boot.number())) {
        out.print(BootTable.render(boot));
        out.println();
      }
    }
    if (all.isEmpty()) {
      out.println("no container boot seen");
    } else {
      out.print(Summary.render(all));
    }
    out.flush();
    if (svg != null) {
      Files.writeString(svg, SvgTimeline.render(all), StandardCharsets.UTF_8);
      err.println("Wrote " + svg);
    }
    err.flush();
  }
}
