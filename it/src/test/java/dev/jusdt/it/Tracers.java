package dev.jusdt.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Starting the real tracers, or skipping loudly, naming the package, where one is absent. */
final class Tracers {

  /** Debian's python, which python3-bpfcc installs bcc for (a pyenv python3 on PATH has none). */
  static final String PYTHON = "/usr/bin/python3";

  private static final Pattern ATTACHED = Pattern.compile("^Attaching \\d+ probes?\\.\\.\\.");

  private Tracers() {}

  /** Skips the test unless bpftrace can run. */
  static void requireBpftrace() {
    Tools.requireTool("bpftrace", "bpftrace");
  }

  /** Skips the test unless bcc's Python module and the kernel headers it compiles with exist. */
  static void requireBcc() throws IOException, InterruptedException {
    boolean python = Files.isExecutable(Path.of(PYTHON))
        && Tools.run(List.of(PYTHON, "-c", "import bcc")).exit() == 0;
    skipUnless(python, "bcc's Python module not found for " + PYTHON + ": apt-get install python3-bpfcc");
    String release = Tools.run(List.of("uname", "-r")).output().trim();
    Path modules = Path.of("/lib/modules", release);
    boolean headers =
        Files.exists(modules.resolve("build/include/linux/kconfig.h"))
            || Files.exists(modules.resolve("source/include/linux/kconfig.h"))
            || Files.exists(Path.of("/sys/kernel/kheaders.tar.xz"));
    skipUnless(
        headers,
        "no kernel headers for " + release + ", which bcc compiles against: apt-get install"
            + " linux-headers-amd64 (scripts/install-deps.sh links them for a kernel Debian did not"
            + " install)");
  }

  /** Starts bpftrace and waits until it says it is attaching its probes. */
  static RunningProcess bpftrace(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bpftrace"));
    command.addAll(List.of(args));
    RunningProcess tracer = RunningProcess.start("bpftrace", command);
    tracer.awaitLine(ATTACHED);
    return tracer;
  }

  /** Starts a generated bcc script and waits until it prints its column header. */
  static RunningProcess bcc(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(List.of(args));
    RunningProcess tracer = RunningProcess.start("bcc", command);
    tracer.awaitLine(Pattern.compile("^TIME\\(s\\)\\s+COMM\\s+PID\\s+VALUE"));
    return tracer;
  }

  /** Interrupts a tracer as Ctrl-C would and checks that it ended well. */
  static void stop(RunningProcess tracer) throws IOException, InterruptedException {
    tracer.interrupt();
    // bpftrace 0.17 notices a signal only when it interrupts its event loop; one that arrives
    // while it is still attaching is lost. So it is repeated, as a user presses Ctrl-C again.
    // Not for bcc: a second SIGINT during its clean-up is an uncaught KeyboardInterrupt (130).
    for (int i = 0; tracer.name().equals("bpftrace") && i < 20 && !tracer.endsWithin(2); i++) {
      tracer.interrupt();
    }
    int exit = tracer.awaitExit();
    if (exit != 0) {
      throw new AssertionError("tracer exited with " + exit + "\n" + tracer.output());
    }
  }

  private static void skipUnless(boolean present, String message) {
    if (!present) {
      System.err.println("SKIPPED: " + message);
    }
    assumeTrue(present, message);
  }
}
