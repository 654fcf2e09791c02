package dev.jusdt.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A bpftrace attached to this JVM by pid, counting hits of some probes, for as long as a
 * benchmark fork runs.
 */
final class Bpftrace implements AutoCloseable {

  /** The system property naming the file bpftrace's hit counts are appended to. */
  static final String HITS_PROPERTY = "jusdt.bench.hits";

  private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(180);

  private final Process process;
  private final Path output;

  private Bpftrace(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code bpftrace -p PID} on the probes and waits until the tracer has raised their
   * semaphores, i.e. until the probes are really enabled.
   *
   * @param library the probe library's path
   * @param provider the provider
   * @param probes the probe names
   * @param enabled true once every probe's semaphore is set
   */
  static Bpftrace attach(Path library, String provider, List<String> probes,
      BooleanSupplier enabled) throws IOException, InterruptedException {
    StringBuilder program = new StringBuilder();
    for (String probe : probes) {
      program.append("usdt:").append(library).append(':').append(provider).append(':')
          .append(probe).append(" { @hits[\"").append(probe).append("\"] = count(); }\n");
    }
    Path output = Files.createTempFile("jusdt-bpftrace", ".log");
    Process process;
    try {
      process = new ProcessBuilder(
              "bpftrace", "-p", Long.toString(ProcessHandle.current().pid()),
              "-e", program.toString())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
    } catch (IOException e) {
      throw new IOException("cannot start bpftrace (apt-get install bpftrace; run as root): " + e, e);
    }
    Bpftrace tracer = new Bpftrace(process, output);
    long deadline = System.nanoTime() + ATTACH_TIMEOUT.toNanos();
    while (!enabled.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = tracer.close0();
        throw new IllegalStateException("bpftrace did not enable " + probes + ":\n" + log);
      }
      Thread.sleep(50);
    }
    return tracer;
  }

  /**
   * Stops the tracer (SIGTERM; it prints its counts) and appends what it printed, on one line, to
   * the file the system property {@value #HITS_PROPERTY} names, if set.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    String line = close0().strip().replace('\n', ' ') + "\n";
    String hits = System.getProperty(HITS_PROPERTY);
    if (hits != null) {
      Files.writeString(Path.of(hits), line, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private String close0() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    Files.deleteIfExists(output);
    // bpftrace's warning about RLIMIT_MEMLOCK is harmless here.
    return log.lines().filter(line -> !line.contains("RLIMIT_MEMLOCK"))
        .reduce("", (x, y) -> x + y + "\n");
  }
}
