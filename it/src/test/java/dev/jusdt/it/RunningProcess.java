package dev.jusdt.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process running beside the test (a tracer, or a traced JVM), its output read line by line as
 * it comes, each line stamped with {@link System#nanoTime()} when read.
 */
final class RunningProcess implements AutoCloseable {

  /** One line of output and when the test read it. */
  record Line(String text, long readAt) {}

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private RunningProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.reader = new Thread(this::read, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a command, standard error merged into standard output. */
  static RunningProcess start(String name, List<String> command) throws IOException {
    System.out.println("$ " + String.join(" ", command));
    return new RunningProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  long pid() {
    return process.pid();
  }

  /** Every line so far. */
  List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Every line so far, without time stamps. */
  List<String> texts() {
    return lines.stream().map(Line::text).toList();
  }

  /** Everything printed so far, for failure messages. */
  String output() {
    return name + " printed:\n" + String.join("\n", texts());
  }

  /** Waits for the first line matching a pattern (with {@link Matcher#find()}). */
  Line awaitLine(Pattern pattern) throws InterruptedException {
    return awaitLine(pattern, 0);
  }

  /** Waits for the first line at or after index {@code from} that matches a pattern. */
  Line awaitLine(Pattern pattern, int from) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Line> now = lines();
      for (int i = from; i < now.size(); i++) {
        if (pattern.matcher(now.get(i).text()).find()) {
          return now.get(i);
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        throw new AssertionError(
            name + " ended (exit " + process.exitValue() + ") before printing /" + pattern
                + "/\n" + output());
      }
      Thread.sleep(10);
    }
    throw new AssertionError(name + " did not print /" + pattern + "/ within " + WAIT + "\n" + output());
  }

  /** The first line so far that matches, if any. */
  Optional<Line> find(Pattern pattern) {
    return lines().stream().filter(l -> pattern.matcher(l.text()).find()).findFirst();
  }

  /** Sends SIGINT, as Ctrl-C would: tracers then print their maps and exit. */
  void interrupt() throws IOException, InterruptedException {
    Tools.Result kill = Tools.run(List.of("kill", "-INT", Long.toString(process.pid())));
    if (kill.exit() != 0 && process.isAlive()) {
      throw new AssertionError("kill -INT " + process.pid() + " failed: " + kill.output());
    }
  }

  /** The name it was started under, e.g. {@code bpftrace}. */
  String name() {
    return name;
  }

  /** Whether the process ended within the time given. */
  boolean endsWithin(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** Closes the process's standard input. */
  void closeInput() throws IOException {
    OutputStream in = process.getOutputStream();
    in.close();
  }

  /** Waits for the process to end and for its output to be read; fails after a minute. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError(name + " did not end within " + WAIT + "\n" + output());
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /** Ends the process if still running: SIGTERM, then SIGKILL after five seconds. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private void read() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(new Line(line, System.nanoTime()));
      }
    } catch (IOException e) {
      lines.add(new Line("(reading the output failed: " + e + ")", System.nanoTime()));
    }
  }
}
