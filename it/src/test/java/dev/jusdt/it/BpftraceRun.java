package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One bpftrace process, started on a script and stopped with SIGTERM (which bpftrace handles like
 * Ctrl-C: END blocks run, maps print), its output kept in files under a test's directory.
 */
final class BpftraceRun {

  private static final String ATTACHED = "jusdt-test: attached";

  private final Process process;
  private final Path out;
  private final Path err;

  private BpftraceRun(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Skips the test, naming what is missing, unless bpftrace can run here (root, installed). */
  static void assumeAvailable() throws IOException {
    Tools.requireTool("bpftrace", "bpftrace");
    boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    assumeTrue(root, "bpftrace needs root (CAP_BPF and CAP_PERFMON)");
  }

  /**
   * Starts bpftrace and waits until it has attached: until a BEGIN probe the script is given
   * prints a marker, or, for a script with its own BEGIN, until "Attaching".
   *
   * @param dir where the script and the output go
   * @param name a file name stem for them
   * @param script the bpftrace program
   * @param options options before the script file, e.g. {@code -p 1234}
   */
  static BpftraceRun start(Path dir, String name, String script, String... options)
      throws IOException, InterruptedException {
    // "Attaching N probes..." comes before the uprobes are in place; a BEGIN probe fires after.
    boolean marked = !script.contains("BEGIN");
    Path file =
        Files.writeString(
            dir.resolve(name + ".bt"),
            marked ? script + "\nBEGIN { printf(\"" + ATTACHED + "\\n\"); }\n" : script);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    List<String> command = new ArrayList<>(List.of("bpftrace"));
    command.addAll(List.of(options));
    command.add(file.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // str() reads at most BPFTRACE_STRLEN bytes, NUL included; the tests rely on the default.
    builder.environment().put("BPFTRACE_STRLEN", "64");
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(out).contains(marked ? ATTACHED : "Attaching")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError(
            "bpftrace did not attach: " + Files.readString(out) + Files.readString(err));
      }
      Thread.sleep(20);
    }
    return new BpftraceRun(process, out, err);
  }

  long pid() {
    return process.pid();
  }

  /** What bpftrace has printed so far, but the test's own attach marker. */
  String output() throws IOException {
    return Files.readString(out).replace(ATTACHED + "\n", "");
  }

  /**
   * Stops bpftrace and returns everything it printed, after checking that it exited cleanly and
   * complained of nothing but the harmless RLIMIT_MEMLOCK notice.
   */
  String stop() throws IOException, InterruptedException {
    // bpftrace 0.17 notices a signal only when it interrupts its event loop's epoll_wait: one that
    // arrives while it is still attaching sets its flag and is never looked at again (seen here:
    // a by-pid attach outlasting the wait after "Attaching"). So the signal is repeated, as a
    // user presses Ctrl-C again.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    do {
      process.destroy();
    } while (!process.waitFor(2, TimeUnit.SECONDS) && System.nanoTime() < deadline);
    if (process.isAlive()) {
      String where = threadStates(process.pid());
      process.destroyForcibly();
      throw new AssertionError(
          "bpftrace did not stop on SIGTERM within 60 s; its threads: " + where
              + "\nstdout: " + Files.readString(out) + "\nstderr: " + Files.readString(err));
    }
    String errors = Files.readString(err);
    assertThat(process.exitValue()).as("bpftrace exit status; stderr: %s", errors).isZero();
    assertThat(errors.lines().filter(line -> !line.isBlank() && !line.contains("RLIMIT_MEMLOCK")))
        .as("bpftrace stderr")
        .isEmpty();
    return output();
  }

  /** Each thread's state, kernel wait channel and kernel stack, to tell where a process hangs. */
  private static String threadStates(long pid) {
    StringBuilder states = new StringBuilder();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks.sorted()::iterator) {
        states.append("\n  ").append(task.getFileName()).append(' ');
        for (String file : List.of("comm", "wchan", "stack")) {
          try {
            states.append(file).append('=').append(Files.readString(task.resolve(file)).strip()).append(' ');
          } catch (IOException e) {
            states.append(file).append("=? ");
          }
        }
      }
    } catch (IOException e) {
      states.append("unreadable: ").append(e.getMessage());
    }
    return states.toString();
  }
}
