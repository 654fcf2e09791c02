package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jusdt.haconiwa.probe.FireAllPhases;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code haconiwa trace} in its own JVM with a real bpftrace, while this JVM fires every phase
 * through the probe library (both sides in one process, as {@link FireAllPhases} does), then
 * Ctrl-C.
 */
class LiveTraceTest {

  private static final List<String> ONE_BOOT =
      List.of(
          "CLI_START", "START_SV", "START_CREATE_NETWORK", "END_CREATE_NETWORK", "START_FORK",
          "CONTAINER_START", "CONTAINER_NAMESPACE_GENERATED", "CONTAINER_FILESYSTEM_SETUP",
          "CONTAINER_RLIMIT_SETUP", "CONTAINER_CGROUP_SETUP", "CONTAINER_REMOUNTED",
          "CONTAINER_UID_MAPPING_SETUP", "CONTAINER_CHROOTED", "CONTAINER_CAPABILITY_SETUP",
          "CONTAINER_SECCOMP_SETUP", "CONTAINER_EXECING", "END_SETUP", "START_WAIT", "USER_1",
          "USER_2", "END_WAIT", "CLEANUP");

  @TempDir Path temp;

  @Test
  void reportsEveryBootByPhaseNameAndStopsCleanlyOnCtrlC() throws Exception {
    requireBpftrace();
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Path svg = temp.resolve("boots.svg");
    Path recording = temp.resolve("boots.trace");
    // A background job of a non-interactive shell starts with SIGINT ignored, and a JVM cannot
    // handle an ignored signal; env puts the default back, as an interactive shell has it.
    Process trace =
        new ProcessBuilder(
                "env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djusdt.cache.dir=" + System.getProperty("jusdt.cache.dir"),
                "-cp", System.getProperty("java.class.path"),
                TraceCommand.class.getName(),
                "--svg", svg.toString(), "--record", recording.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      await(() -> read(err).contains("Tracing haconiwa boots"), trace, err);
      ProcessHandle bpftrace =
          trace.descendants()
              .filter(p -> p.info().command().orElse("").endsWith("bpftrace"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no bpftrace under the trace command"));
      assertThat(HaconiwaProbes.isProbeContainergenEnabled()).as("uprobes attached").isTrue();

      FireAllPhases.fireAll();
      FireAllPhases.fireAll();
      await(() -> read(out).contains("boot 2:"), trace, err);
      new ProcessBuilder("kill", "-INT", Long.toString(trace.pid())).inheritIO().start().waitFor();

      assertThat(trace.waitFor(30, TimeUnit.SECONDS)).as("trace ends on Ctrl-C").isTrue();
      assertThat(trace.exitValue()).as(read(err)).isZero();
      assertThat(bpftrace.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("bpftrace left behind").isFalse();
    } finally {
      trace.destroyForcibly();
    }

    String report = read(out);
    long pid = ProcessHandle.current().pid();
    List<List<String>> boots = bootNames(report);
    assertThat(boots).hasSize(2).allSatisfy(names -> assertThat(names).isEqualTo(ONE_BOOT));
    assertThat(report)
        .contains("boot 1: java " + pid + " runtime, java " + pid + " child\n")
        .contains("value 42\n")
        .contains("value \"hook: hello from the container file\"\n")
        .contains("summary of 2 boots (ms)\n")
        .containsPattern("\n   2-21  fork->exec +2 ");

    Document doc = Svg.parse(Files.readString(svg));
    for (Element panel : Svg.find(doc, "g", "panel")) {
      if (panel.getAttribute("data-window").equals("boot")) {
        assertThat(Svg.find(panel, "g", "row")).hasSize(2);
        assertThat(Svg.find(panel, "rect", "phase")).hasSize(20);
      }
    }

    // The recording replays to the same tables.
    TraceCommandTest.Run replay = TraceCommandTest.run(recording.toString());
    assertThat(replay.status()).isZero();
    assertThat(tables(replay.out())).isEqualTo(tables(report));
  }

  /** The phase names of each boot table, in order. */
  private static List<List<String>> bootNames(String report) {
    List<List<String>> boots = new ArrayList<>();
    List<String> current = null;
    for (String line : report.lines().toList()) {
      if (line.startsWith("boot ")) {
        current = new ArrayList<>();
        boots.add(current);
      } else if (line.startsWith("  phase  name")) {
        continue;
      } else if (current != null && line.matches(" +\\d+  \\w+ .*")) {
        current.add(line.substring(9, 40).strip());
      } else {
        current = null;
      }
    }
    return boots;
  }

  private static String tables(String report) {
    return report.substring(0, report.indexOf("summary of"));
  }

  private static void requireBpftrace() {
    boolean found = false;
    for (String dir : System.getenv("PATH").split(":")) {
      found |= Files.isExecutable(Path.of(dir, "bpftrace"));
    }
    if (!found) {
      System.err.println("SKIPPED: bpftrace not found: apt-get install bpftrace");
    }
    assumeTrue(found, "bpftrace not found: apt-get install bpftrace");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root) {
      System.err.println("SKIPPED: bpftrace needs root");
    }
    assumeTrue(root, "bpftrace needs root");
  }

  private static void await(BooleanSupplier condition, Process trace, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(trace.isAlive()).as("trace is running: %s", read(err)).isTrue();
      assertThat(System.nanoTime()).as("timed out: %s", read(err)).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
