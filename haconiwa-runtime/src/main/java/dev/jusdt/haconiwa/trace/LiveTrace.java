package dev.jusdt.haconiwa.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live trace: bpftrace attached to the probe library by path, so it sees every process that
 * uses that library, started before or after it. Prints each boot's table when the boot ends
 * (phase 6), and stops on Ctrl-C, SIGTERM, after a number of boots, or when bpftrace exits;
 * bpftrace is always stopped and waited for, never left behind.
 */
final class LiveTrace {

  /**
   * What the run produced.
   *
   * @param boots every boot seen
   * @param printed the numbers of the boots whose tables were printed as they ended
   * @param tracerFailed whether bpftrace could not be started or exited before attaching
   */
  record Outcome(List<Boot> boots, Set<Integer> printed, boolean tracerFailed) {}

  private final Path library;
  private final String bpftrace;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path record;
  private final int maxBoots;

  LiveTrace(Path library, String bpftrace, PrintWriter out, PrintWriter err, Path record, int maxBoots) {
    this.library = library;
    this.bpftrace = bpftrace;
    this.out = out;
    this.err = err;
    this.record = record;
    this.maxBoots = maxBoots;
  }

  Outcome run() throws IOException, InterruptedException {
    BpftraceProgram program = BpftraceProgram.forThisMachine(library);
    ProcessBuilder builder = new ProcessBuilder(bpftrace, "-e", program.text());
    builder.environment().put("BPFTRACE_STRLEN", BpftraceProgram.STRLEN);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      err.println(
          "Cannot run " + bpftrace + ": " + e.getMessage()
              + "; install it (apt-get install bpftrace) or name it with --bpftrace");
      err.flush();
      return new Outcome(List.of(), Set.of(), true);
    }
    Thread hook = new Thread(process::destroy, "haconiwa-trace-stop-bpftrace");
    Runtime.getRuntime().addShutdownHook(hook);
    CountDownLatch stop = new CountDownLatch(1);
    BootGrouper grouper = new BootGrouper();
    Set<Integer> printed = ConcurrentHashMap.newKeySet();
    AtomicBoolean ready = new AtomicBoolean();
    Thread errReader = new Thread(() -> readErrors(process), "haconiwa-trace-stderr");
    Thread outReader =
        new Thread(
            () -> readEvents(process, program, grouper, printed, ready, stop),
            "haconiwa-trace-stdout");
    errReader.setDaemon(true);
    outReader.setDaemon(true);
    errReader.start();
    outReader.start();
    try (Interrupts interrupts = new Interrupts(stop::countDown)) {
      stop.await();
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    outReader.join();
    errReader.join(TimeUnit.SECONDS.toMillis(5));
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting anyway; the hook has run or will.
    }
    boolean failed = !ready.get();
    if (failed) {
      err.println(
          "bpftrace exited with status " + process.exitValue()
              + " before attaching to " + library + " (its messages are above)");
      err.flush();
    }
    return new Outcome(grouper.boots(), Set.copyOf(printed), failed);
  }

  private void readEvents(
      Process process,
      BpftraceProgram program,
      BootGrouper grouper,
      Set<Integer> printed,
      AtomicBoolean ready,
      CountDownLatch stop) {
    int number = 0;
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer recording = openRecording()) {
      String line;
      while ((line = lines.readLine()) != null) {
        number++;
        if (BpftraceProgram.isReady(line)) {
          ready.set(true);
          err.println(
              "Tracing haconiwa boots in " + library
                  + (program.readsParents() ? "" : " (no kernel BTF: children linked by fork order)")
                  + "; Ctrl-C to stop.");
          err.flush();
          continue;
        }
        Optional<TraceEvent> parsed;
        try {
          parsed = program.parse(line, number);
        } catch (IllegalArgumentException e) {
          err.println("Skipping bpftrace output line " + number + ": " + e.getMessage());
          err.flush();
          continue;
        }
        if (parsed.isEmpty()) {
          continue;
        }
        TraceEvent event = parsed.get();
        if (recording != null) {
          recording.write(RecordFormat.format(event) + "\n");
          recording.flush();
        }
        Boot boot = grouper.add(event);
        if (boot.isComplete() && printed.add(boot.number())) {
          out.print(BootTable.render(boot));
          out.println();
          out.flush();
          if (printed.size() >= maxBoots) {
            stop.countDown();
          }
        }
      }
    } catch (IOException e) {
      err.println("Reading bpftrace failed: " + e.getMessage());
      err.flush();
    } finally {
      stop.countDown();
    }
  }

  private Writer openRecording() throws IOException {
    if (record == null) {
      return null;
    }
    Writer writer = Files.newBufferedWriter(record, StandardCharsets.UTF_8);
    writer.write(RecordFormat.MAGIC + "\n" + RecordFormat.COLUMNS + "\n");
    writer.flush();
    return writer;
  }

  private void readErrors(Process process) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        // bpftrace warns about RLIMIT_MEMLOCK on kernels that account BPF memory by cgroup.
        if (!line.contains("RLIMIT_MEMLOCK") && !line.isBlank()) {
          err.println("bpftrace: " + line);
          err.flush();
        }
      }
    } catch (IOException e) {
      // bpftrace is gone; what it said so far was passed on.
    }
  }
}
