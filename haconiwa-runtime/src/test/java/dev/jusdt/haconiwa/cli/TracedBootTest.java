package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jusdt.haconiwa.probe.Phases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source document's workflow: bpftrace attached by the library's path before the runtime
 * starts sees every phase of a boot, in order, the parent's from the runtime and the child's
 * from the container.
 */
class TracedBootTest {

  @TempDir static Path dir;
  static Path rootfs;
  static Cli cli;

  /**
   * One probe firing as bpftrace printed it.
   *
   * @param nanos the firing's CLOCK_BOOTTIME time in nanoseconds; for probe-misc, its value
   */
  record Firing(char probe, long pid, long phase, long nanos) {}

  @BeforeAll
  static void setUp() throws Exception {
    TestRootfs.assumeContainersCanRun();
    boolean bpftrace = Files.isExecutable(Path.of("/usr/bin/bpftrace")) || Files.isExecutable(Path.of("/usr/sbin/bpftrace"));
    if (!bpftrace) {
      System.err.println("SKIPPED: bpftrace not found: apt-get install bpftrace");
    }
    assumeTrue(bpftrace, "bpftrace not found: apt-get install bpftrace");
    rootfs = TestRootfs.build(dir);
    cli = new Cli(dir.resolve("state"));
  }

  @Test
  void bpftraceSeesEveryPhaseInOrderFromRuntimeAndContainer() throws Exception {
    Cli.Result probes = cli.run("probes", "--path");
    assertThat(probes.exit()).as(probes.toString()).isZero();
    String library = probes.out().strip();
    Path file = dir.resolve("traced.yaml");
    Files.writeString(file, """
        name: traced-%d
        hostname: traced
        rootfs: %s
        mounts: [{type: proc, target: /proc}]
        cgroup: {memory: 64M, pids: 16}
        capabilities: {drop: [sys_admin]}
        seccomp: {deny: [mkdir]}
        hooks:
          - {at: before_start_wait, probe: 123, value: 4242}
        command: [/bin/true]
        """.formatted(ProcessHandle.current().pid(), rootfs));

    List<Firing> firings = new ArrayList<>();
    Cli.Result run;
    long runtimePid;
    String output;
    Process tracer = startTracer(library);
    try {
      Cli.Running running = cli.start("run", "-v", file.toString());
      runtimePid = running.pid();
      run = running.await();
      // bpftrace prints from a ring buffer it polls: wait for the runtime's last phase, CLEANUP.
      String last = "B " + runtimePid + " 6 ";
      for (int i = 0; i < 300 && !seen().contains(last); i++) {
        Thread.sleep(100);
      }
      output = seen();
    } finally {
      // Its output is all there; a loaded machine can take long over a graceful detach.
      tracer.destroyForcibly();
      tracer.waitFor(30, TimeUnit.SECONDS);
    }
    Matcher m = Pattern.compile("(?m)^([BCM]) (\\d+) (\\d+) (-?\\d+) (\\d+)$").matcher(output);
    while (m.find()) {
      firings.add(new Firing(m.group(1).charAt(0), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5))));
    }
    assertThat(run.exit()).as(run.toString()).isZero();
    long containerPid = Long.parseLong(run.err().replaceAll("(?s).*started, pid (\\d+).*", "$1"));

    List<Firing> parent = firings.stream().filter(f -> f.probe() == 'B' && f.pid() == runtimePid).toList();
    List<Firing> child = firings.stream().filter(f -> f.probe() == 'C' && f.pid() == containerPid).toList();
    assertThat(names(parent)).as(output).containsExactly(
        "CLI_START", "START_SV", "START_CREATE_NETWORK", "END_CREATE_NETWORK", "START_FORK",
        "END_SETUP", "START_WAIT", "END_WAIT", "CLEANUP");
    assertThat(names(child)).as(output).containsExactly(
        "CONTAINER_START", "CONTAINER_NAMESPACE_GENERATED", "CONTAINER_FILESYSTEM_SETUP",
        "CONTAINER_RLIMIT_SETUP", "CONTAINER_CGROUP_SETUP", "CONTAINER_REMOUNTED",
        "CONTAINER_UID_MAPPING_SETUP", "CONTAINER_CHROOTED", "CONTAINER_CAPABILITY_SETUP",
        "CONTAINER_SECCOMP_SETUP", "CONTAINER_EXECING");
    assertThat(child.stream().mapToLong(Firing::nanos).toArray()).isSorted();
    assertThat(parent.stream().mapToLong(Firing::nanos).toArray()).isSorted();
    // The child runs between the parent's START_FORK and END_SETUP, on the same clock.
    assertThat(child.get(0).nanos()).isGreaterThanOrEqualTo(parent.get(4).nanos());
    assertThat(child.get(10).nanos()).isLessThanOrEqualTo(parent.get(5).nanos());
    assertThat(firings).as("the hook's probe-misc").contains(new Firing('M', runtimePid, 123, 4242));
  }

  private static final StringBuilder SEEN = new StringBuilder();

  private static String seen() {
    synchronized (SEEN) {
      return SEEN.toString();
    }
  }

  /** bpftrace on the library path, returned once it has attached. */
  private static Process startTracer(String library) throws Exception {
    String script = """
        usdt:%1$s:haconiwa:probe-boottime { printf("B %%d %%d %%lld %%lld\\n", pid, arg0, arg1, arg2); }
        usdt:%1$s:haconiwa:probe-containergen { printf("C %%d %%d %%lld %%lld\\n", pid, arg0, arg1, arg2); }
        usdt:%1$s:haconiwa:probe-misc { printf("M %%d %%d 0 %%lld\\n", pid, arg0, arg1); }
        """.formatted(library);
    Process tracer = new ProcessBuilder("bpftrace", "-e", script).redirectErrorStream(true).start();
    CompletableFuture<Void> attached = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(tracer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (SEEN) {
            SEEN.append(line).append('\n');
          }
          if (line.startsWith("Attaching")) {
            attached.complete(null);
          }
        }
      } catch (java.io.IOException e) {
        synchronized (SEEN) {
          SEEN.append("(read failed: ").append(e).append(")\n");
        }
      }
      attached.complete(null);
    }, "bpftrace-output");
    reader.setDaemon(true);
    reader.start();
    attached.get(60, TimeUnit.SECONDS);
    assertThat(tracer.isAlive()).as("bpftrace attached: " + seen()).isTrue();
    Thread.sleep(500); // "Attaching" comes just before the uprobes are in place
    return tracer;
  }

  private static List<String> names(List<Firing> firings) throws IllegalAccessException {
    Map<Long, String> byNumber = new HashMap<>();
    for (Field field : Phases.class.getFields()) {
      byNumber.put((long) field.getInt(null), field.getName().substring("PHASE_".length()));
    }
    return firings.stream().map(f -> byNumber.getOrDefault(f.phase(), "?" + f.phase())).toList();
  }
}
