package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads fire every probe (Strings over the 256-byte stack copy included) while bpftrace
 * attaches and detaches in a loop, by path and by pid in turn, for {@code -Djusdt.stress.seconds}
 * (60 by default): the JVM neither crashes nor stops making progress, every tracer sees firings,
 * the probes go quiet after the last detach, and resident memory, native memory (NMT) and file
 * descriptors are the same at the end as after the first cycle.
 */
class AttachDetachStressTest {

  private static final Pattern PROGRESS = Pattern.compile("progress (\\d+) traced (\\d+)");

  @TempDir Path dir;

  @Test
  void manyThreadsFireWhileATracerAttachesAndDetaches() throws Exception {
    BpftraceRun.assumeAvailable();
    long seconds = Long.getLong("jusdt.stress.seconds", 60);
    StringsFixture fixture = new StringsFixture(dir.resolve("cache"));
    Path library = fixture.library();
    String script =
        "usdt:" + library + ":strs:text { @text = count(); }\n"
            + "usdt:" + library + ":strs:pair { @pair = count(); }\n"
            + "usdt:" + library + ":strs:loop { @loop = count(); }\n";
    Path stdout = dir.resolve("jvm.out");
    Process jvm =
        new ProcessBuilder(
                fixture.java(
                    // A fixed, touched heap keeps the resident size flat unless native code leaks.
                    "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:NativeMemoryTracking=summary",
                    "-cp", StringsFixture.classPathString(),
                    "org.example.strings.FireFromThreads", "8"))
            .redirectOutput(stdout.toFile())
            .redirectError(dir.resolve("jvm.err").toFile())
            .start();
    try (OutputStream control = jvm.getOutputStream()) {
      awaitLine(jvm, stdout, "started 8");

      cycle(0, script, jvm.pid());
      Thread.sleep(1000);
      Usage before = Usage.of(jvm.pid());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      int cycles = 1;
      while (System.nanoTime() < deadline) {
        long progress = progress(stdout)[0];
        cycle(cycles++, script, jvm.pid());
        Thread.sleep(600);
        assertThat(jvm.isAlive()).as("JVM alive after cycle %d", cycles).isTrue();
        assertThat(progress(stdout)[0]).as("progress over cycle %d", cycles).isGreaterThan(progress);
      }
      Thread.sleep(1000);
      long[] quiet = progress(stdout);
      Thread.sleep(1500);
      assertThat(progress(stdout)[1]).as("no probe is enabled after the last detach").isEqualTo(quiet[1]);
      Usage after = Usage.of(jvm.pid());
      System.out.printf(
          "AttachDetachStressTest: %d s, %d attach/detach cycles, %d rounds of 5 firings, %d of"
              + " them traced; VmRSS %d -> %d KiB, NMT committed %d -> %d KiB, fds %d -> %d%n",
          seconds, cycles, quiet[0], quiet[1], before.rssKib(), after.rssKib(),
          before.nmtCommittedKib(), after.nmtCommittedKib(), before.fds(), after.fds());

      control.write("stop\n".getBytes(StandardCharsets.UTF_8));
      control.flush();
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("threads stop").isTrue();
      assertThat(jvm.exitValue()).as(Files.readString(stdout)).isZero();
      assertThat(Files.readString(stdout)).contains("joined ");
      assertThat(Files.readString(dir.resolve("jvm.err"))).doesNotContain("WARNING", "Exception");
      assertThat(after.fds()).as("open file descriptors").isEqualTo(before.fds());
      assertThat(after.rssKib() - before.rssKib()).as("VmRSS growth, KiB").isLessThan(32 * 1024);
      assertThat(after.nmtCommittedKib() - before.nmtCommittedKib())
          .as("NMT committed growth, KiB")
          .isLessThan(16 * 1024);
    } finally {
      jvm.destroyForcibly();
    }
  }

  /** One tracer run: attach (by path, or by pid every other time), let it count, detach. */
  private void cycle(int n, String script, long pid) throws Exception {
    BpftraceRun tracer =
        n % 2 == 0
            ? BpftraceRun.start(dir, "cycle" + n, script)
            : BpftraceRun.start(dir, "cycle" + n, script, "-p", Long.toString(pid));
    Thread.sleep(700);
    String counts = tracer.stop();
    for (String map : List.of("@text", "@pair", "@loop")) {
      Matcher m = Pattern.compile(map + ": (\\d+)").matcher(counts);
      assertThat(m.find()).as("%s in cycle %d: %s", map, n, counts).isTrue();
      assertThat(Long.parseLong(m.group(1))).as("%s in cycle %d", map, n).isPositive();
    }
    Files.delete(dir.resolve("cycle" + n + ".out"));
  }

  private static void awaitLine(Process jvm, Path stdout, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(stdout).contains(line)) {
      assertThat(jvm.isAlive() && System.nanoTime() < deadline)
          .as("waiting for %s: %s", line, Files.readString(stdout))
          .isTrue();
      Thread.sleep(50);
    }
  }

  /** The last progress line: rounds fired, rounds that saw the text probe enabled. */
  private static long[] progress(Path stdout) throws IOException {
    Matcher m = PROGRESS.matcher(Files.readString(stdout));
    long[] last = {0, 0};
    while (m.find()) {
      last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
    return last;
  }

  /** What a process holds: resident memory, memory NMT counts as committed, open descriptors. */
  record Usage(long rssKib, long nmtCommittedKib, long fds) {

    static Usage of(long pid) throws Exception {
      Matcher rss =
          Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      assertThat(rss.find()).isTrue();
      Tools.Result nmt =
          Tools.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              Long.toString(pid), "VM.native_memory", "summary"));
      Matcher committed = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt.output());
      assertThat(committed.find()).as(nmt.output()).isTrue();
      try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
        return new Usage(
            Long.parseLong(rss.group(1)), Long.parseLong(committed.group(1)), fds.count());
      }
    }
  }
}
