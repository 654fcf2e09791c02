package dev.jusdt.haconiwa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code haconiwa} in its own JVM, as a user runs it: output, exit status, pid. */
final class Cli {

  /** A finished run. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A running {@code haconiwa}. */
  static final class Running {
    final Process process;
    private final CompletableFuture<String> out;
    private final CompletableFuture<String> err;

    Running(Process process) {
      this.process = process;
      this.out = drain(process.getInputStream());
      this.err = drain(process.getErrorStream());
    }

    long pid() {
      return process.pid();
    }

    Result await() throws Exception {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("haconiwa did not end within 60 s");
      }
      return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "(unreadable: " + e + ")";
        }
      });
    }
  }

  private final Path stateDirectory;
  private final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

  Cli(Path stateDirectory) {
    this.stateDirectory = stateDirectory;
  }

  Running start(String... args) throws IOException {
    return start(List.of(), args);
  }

  Running start(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("--state-dir=" + stateDirectory);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    started.add(process);
    return new Running(process);
  }

  /** Ends every runtime still running with SIGTERM, so that each cleans up after its container. */
  void stopAll() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    started.clear();
  }

  Result run(String... args) throws Exception {
    return start(args).await();
  }
}
