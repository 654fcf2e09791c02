package dev.jusdt.haconiwa.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

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

  /** Longer than one bpftrace poll of the per-CPU buffers, short enough to go unnoticed. */
  private static final long HOLD_MILLIS = 50;

  private final Path library;
  private final Set<String> probes;
  private final String bpftrace;
  private final PrintWriter out;
  private final PrintWriter err;
  private final int maxBoots;
  private final BooleanSupplier attached;

  private final Reorder reorder = new Reorder(TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS));
  private final BootGrouper grouper = new BootGrouper();
  private final Set<Integer> printed = new HashSet<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicBoolean ready = new AtomicBoolean();
  private Writer recording;

  /**
   * @param library the file to attach to
   * @param probes which haconiwa probes it has
   * @param bpftrace the bpftrace command
   * @param out where the tables go
   * @param err where messages go
   * @param maxBoots stop after this many finished boots
   * @param recording where to save every event, already holding the recording's header; or null
   * @param attached whether this JVM's own copy of the library shows every probe attached (its
   *     semaphores raised), or null when the library traced is not this JVM's
   */
  LiveTrace(
      Path library,
      Set<String> probes,
      String bpftrace,
      PrintWriter out,
      PrintWriter err,
      Writer recording,
      int maxBoots,
      BooleanSupplier attached) {
    this.library = library;
    this.probes = probes;
    this.bpftrace = bpftrace;
    this.out = out;
    this.err = err;
    this.recording = recording;
    this.maxBoots = maxBoots;
    this.attached = attached;
  }

  Outcome run() throws IOException, InterruptedException {
    BpftraceProgram program = BpftraceProgram.forThisMachine(library, probes);
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
      closeRecording();
      return new Outcome(List.of(), Set.of(), true);
    }
    // ProcessHandle.destroy sends SIGTERM and, unlike Process.destroy, leaves the pipes open, so
    // what bpftrace printed before it stopped is still read.
    ProcessHandle handle = process.toHandle();
    Thread hook = new Thread(handle::destroy, "haconiwa-trace-stop-bpftrace");
    Runtime.getRuntime().addShutdownHook(hook);
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "haconiwa-trace-reorder");
              thread.setDaemon(true);
              return thread;
            });
    Thread errReader = null;
    Thread outReader = null;
    try (Interrupts interrupts = new Interrupts(stop::countDown)) {
      errReader = daemon(() -> readErrors(process), "haconiwa-trace-stderr");
      outReader = daemon(() -> readEvents(process, program), "haconiwa-trace-stdout");
      flusher.scheduleWithFixedDelay(
          () -> accept(reorder.release(System.nanoTime())),
          HOLD_MILLIS,
          HOLD_MILLIS / 2,
          TimeUnit.MILLISECONDS);
      stop.await();
    } finally {
      // bpftrace 0.17 notices SIGTERM only when it interrupts its event loop: one that arrives
      // while it is still attaching is lost and it runs on. So the signal is repeated, as a user
      // presses Ctrl-C again, before it is killed.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      do {
        handle.destroy();
      } while (!process.waitFor(1, TimeUnit.SECONDS) && System.nanoTime() < deadline);
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
      if (outReader != null) {
        outReader.join();
      }
      if (errReader != null) {
        errReader.join(TimeUnit.SECONDS.toMillis(5));
      }
      flusher.shutdown();
      flusher.awaitTermination(5, TimeUnit.SECONDS);
      accept(reorder.drain());
      closeRecording();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting anyway; the hook has run or will.
      }
    }
    boolean failed = !ready.get();
    if (failed) {
      err.println(
          "bpftrace exited with status " + process.exitValue()
              + " before attaching to " + library + " (its messages are above)");
      err.flush();
    }
    synchronized (this) {
      return new Outcome(grouper.boots(), Set.copyOf(printed), failed);
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void readEvents(Process process, BpftraceProgram program) {
    int number = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        number++;
        if (BpftraceProgram.isReady(line)) {
          awaitSemaphores();
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
        parsed.ifPresent(event -> reorder.add(event, System.nanoTime()));
      }
    } catch (IOException e) {
      err.println("Reading bpftrace failed: " + e.getMessage());
      err.flush();
    } finally {
      stop.countDown();
    }
  }

  private synchronized void closeRecording() {
    if (recording != null) {
      try {
        recording.close();
      } catch (IOException e) {
        err.println("Cannot finish the recording: " + e.getMessage());
      }
      recording = null;
    }
  }

  /** Records, groups and prints events released in time order. */
  private synchronized void accept(List<TraceEvent> events) {
    for (TraceEvent event : events) {
      if (recording != null) {
        try {
          recording.write(RecordFormat.format(event) + "\n");
          recording.flush();
        } catch (IOException e) {
          err.println("Cannot write the recording any more, stopped it: " + e.getMessage());
          err.flush();
          recording = null;
        }
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
  }

  /**
   * The kernel raises a probe's semaphore in every process mapping the library as it attaches the
   * uprobe, this one included: once all three are up, no firing can be missed.
   */
  private void awaitSemaphores() {
    if (attached == null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!attached.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        err.println("Warning: bpftrace is running but the probes' semaphores are not raised yet");
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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
