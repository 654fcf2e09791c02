package dev.jusdt.haconiwa.cli;

import static dev.jusdt.haconiwa.cli.ContainerBootTest.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a container can fail to start or be ended, and what must hold after each: the exit
 * status says what happened, and no cgroup, host mount, process or state is left behind.
 */
class ContainerFailureTest {

  @TempDir static Path dir;
  static Path rootfs;
  static Path state;
  static Cli cli;

  /** A test that failed halfway must not leave a container running: SIGTERM makes its runtime clean up. */
  @org.junit.jupiter.api.AfterEach
  void stopRuntimes() throws Exception {
    cli.stopAll();
  }

  @BeforeAll
  static void buildRootfs() throws Exception {
    TestRootfs.assumeContainersCanRun();
    rootfs = TestRootfs.build(dir);
    state = dir.resolve("state");
    cli = new Cli(state);
  }

  static Path file(String name, String more) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        name: %s
        rootfs: %s
        mounts: [{type: proc, target: /proc}]
        """.formatted(name, rootfs) + more);
    return file;
  }

  static void assertCleanedUp(String name) throws IOException {
    Leftovers.assertNone(name, rootfs);
    assertThat(state.resolve(name)).as("state of " + name).doesNotExist();
  }

  @Test
  void memoryLimitKillsTheContainerAndTheRuntimeSaysSo() throws Exception {
    String name = name();
    Cli.Result result = cli.run("run", file(name, "cgroup: {memory: 16M}\n").toString(), "--",
        "/bin/sh", "-c", "a=0123456789abcdef; while :; do a=$a$a; done");

    assertThat(result.exit()).as(result.toString()).isEqualTo(128 + 9);
    assertThat(result.err()).contains("killed by SIGKILL: out of memory, the cgroup memory limit of 16 MiB was reached");
    assertCleanedUp(name);
  }

  @Test
  void pidsLimitMakesForksFailAndTheRuntimeSaysSo() throws Exception {
    String name = name();
    Cli.Result result = cli.run("run", file(name, "cgroup: {pids: 4}\n").toString(), "--",
        "/bin/sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 1 & done; wait");

    assertThat(result.err()).as(result.toString()).contains("can't fork").contains("reached its pids limit of 4");
    assertThat(result.exit()).isNotZero();
    assertCleanedUp(name);
  }

  @Test
  void cpuQuotaThrottlesABusyLoop() throws Exception {
    String name = name();
    Cli.Running runtime = cli.start("run", file(name, "cgroup: {cpu: {quota_us: 10000, period_us: 100000}}\n").toString(),
        "--", "/bin/sh", "-c", "while :; do :; done");
    awaitContainerPid(name);
    Thread.sleep(1000);
    Path cpu = Leftovers.cgroups(name).stream()
        .filter(d -> Files.exists(d.resolve("cpu.cfs_quota_us")) || Files.exists(d.resolve("cpu.max")))
        .findFirst().orElseThrow();
    String quota = Files.exists(cpu.resolve("cpu.cfs_quota_us"))
        ? Files.readString(cpu.resolve("cpu.cfs_quota_us")).strip()
        : Files.readString(cpu.resolve("cpu.max")).strip();
    long throttled = Files.readAllLines(cpu.resolve("cpu.stat")).stream().filter(l -> l.startsWith("nr_throttled "))
        .mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElseThrow();

    assertThat(cli.run("kill", name).exit()).isZero();
    assertThat(runtime.await().exit()).isEqualTo(137);
    assertThat(quota).startsWith("10000");
    assertThat(throttled).as("periods in which the quota stopped the loop").isGreaterThan(3);
    assertCleanedUp(name);
  }

  @Test
  void commandThatDoesNotExistExits127NamingIt() throws Exception {
    String name = name();
    Cli.Result result = cli.run("run", file(name, "").toString(), "--", "/bin/no-such-command");

    assertThat(result.exit()).as(result.toString()).isEqualTo(127);
    assertThat(result.err()).contains("phase 21 CONTAINER_EXECING: execve /bin/no-such-command: No such file or directory (ENOENT)");
    assertCleanedUp(name);
  }

  @Test
  void commandThatCannotRunExits126() throws Exception {
    String name = name();
    Cli.Result result = cli.run("run", file(name, "").toString(), "--", "/etc/passwd");

    assertThat(result.exit()).as(result.toString()).isEqualTo(126);
    assertThat(result.err()).contains("Permission denied (EACCES)");
    assertCleanedUp(name);
  }

  @Test
  void setupStepThatFailsNamesItsPhaseAndErrno() throws Exception {
    String name = name();
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        name: %s
        rootfs: %s
        mounts: [{type: bind, source: /no/such/dir, target: /mnt}]
        """.formatted(name, rootfs));

    Cli.Result result = cli.run("run", file.toString(), "--", "/bin/true");

    assertThat(result.exit()).as(result.toString()).isEqualTo(125);
    assertThat(result.err()).contains("phase 13 CONTAINER_FILESYSTEM_SETUP: bind mount /no/such/dir on " + rootfs.toRealPath() + "/mnt")
        .contains("(ENOENT)");
    assertCleanedUp(name);
  }

  @Test
  void missingRootfsExits125NamingIt() throws Exception {
    String name = name();
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\nrootfs: /no/such/rootfs\ncommand: [/bin/true]\n");

    Cli.Result result = cli.run("run", file.toString());

    assertThat(result.exit()).as(result.toString()).isEqualTo(125);
    assertThat(result.err()).contains("rootfs /no/such/rootfs is not a directory");
    assertCleanedUp(name);
  }

  @Test
  void badContainerFileExits125NamingLineAndKey() throws Exception {
    String name = name();
    Path file = file(name, "cgroup:\n  memory: 64 parsecs\n");

    Cli.Result result = cli.run("run", file.toString(), "--", "/bin/true");

    assertThat(result.exit()).as(result.toString()).isEqualTo(125);
    assertThat(result.err()).contains(file + ":5:11: cgroup.memory: '64 parsecs' is not a size");
    assertCleanedUp(name);
  }

  @Test
  void killMinusNineOfTheRuntimeLeavesNothingBehind() throws Exception {
    String name = name();
    Cli.Running runtime = cli.start("run", file(name, "cgroup: {memory: 64M, pids: 16}\n").toString(), "--",
        "/bin/sh", "-c", "sleep 60 & sleep 60");
    long container = awaitContainerPid(name);
    assertThat(Leftovers.cgroups(name)).isNotEmpty();
    assertThat(Leftovers.isLive(container)).isTrue();

    runtime.process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally

    Cli.Result result = runtime.await();
    assertThat(result.exit()).isEqualTo(128 + 9);
    Leftovers.eventually("container process gone", () -> !Leftovers.isLive(container));
    Leftovers.eventually("cgroups removed", () -> uncheckedCgroups(name).isEmpty());
    Leftovers.eventually("state removed", () -> !Files.exists(state.resolve(name)));
    assertCleanedUp(name);
  }

  @Test
  void sigtermToTheRuntimeStopsTheContainerAndCleansUp() throws Exception {
    String name = name();
    Cli.Running runtime = cli.start("run", file(name, "").toString(), "--", "/bin/sleep", "60");
    long container = awaitContainerPid(name);

    runtime.process.destroy(); // SIGTERM: the shutdown hook kills the container, cleanup runs

    Cli.Result result = runtime.await();
    assertThat(result.exit()).as(result.toString()).isEqualTo(128 + 15);
    assertThat(Leftovers.isLive(container)).isFalse();
    assertCleanedUp(name);
  }

  @Test
  void haconiwaKillEndsTheContainerWhoseRuntimeExits137() throws Exception {
    String name = name();
    Path file = file(name, "");
    Cli.Running runtime = cli.start("run", file.toString(), "--", "/bin/sleep", "60");
    awaitContainerPid(name);

    Cli.Result ps = cli.run("ps");
    Cli.Result second = cli.run("run", file.toString(), "--", "/bin/true");
    Cli.Result kill = cli.run("kill", name);

    assertThat(ps.out()).as(ps.toString()).containsPattern("(?m)^" + name + " +\\d+ +" + runtime.pid() + " +running ");
    assertThat(second.exit()).as(second.toString()).isEqualTo(125);
    assertThat(second.err()).contains("a container named " + name + " is running");
    assertThat(kill.exit()).as(kill.toString()).isZero();
    Cli.Result result = runtime.await();
    assertThat(result.exit()).as(result.toString()).isEqualTo(137);
    assertThat(result.err()).contains("was killed by SIGKILL");
    assertCleanedUp(name);
    assertThat(cli.run("kill", name).exit()).isEqualTo(1);
  }

  @Test
  void nextRunCleansUpAfterARuntimeAndGuardianThatBothDied() throws Exception {
    String name = name();
    Path file = file(name, "cgroup: {pids: 16}\n");
    Cli.Running runtime = cli.start("run", file.toString(), "--", "/bin/sleep", "60");
    long container = awaitContainerPid(name);
    long guardian = ProcessHandle.of(runtime.pid()).orElseThrow().children()
        .filter(p -> p.pid() != container).findFirst().orElseThrow().pid();

    new ProcessBuilder("kill", "-STOP", Long.toString(guardian)).start().waitFor();
    runtime.process.destroyForcibly();
    runtime.await();
    new ProcessBuilder("kill", "-KILL", Long.toString(guardian)).start().waitFor();
    Leftovers.eventually("container process gone", () -> !Leftovers.isLive(container));
    Cli.Result ps = cli.run("ps");
    Cli.Result again = cli.run("run", file.toString(), "--", "/bin/true");

    assertThat(ps.out()).as(ps.toString()).containsPattern("(?m)^" + name + " .* stale ");
    assertThat(again.err()).as(again.toString()).contains("cleaning up after container " + name);
    assertThat(again.exit()).isZero();
    assertCleanedUp(name);
  }

  private static java.util.List<Path> uncheckedCgroups(String name) {
    try {
      return Leftovers.cgroups(name);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The container's pid, once its runtime recorded it. */
  private static long awaitContainerPid(String name) throws Exception {
    Path stateFile = state.resolve(name).resolve("state");
    for (int i = 0; i < 400; i++) {
      if (Files.exists(stateFile)) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
          properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
          continue; // being replaced
        }
        long pid = Long.parseLong(properties.getProperty("pid", "0"));
        if (pid > 0 && Leftovers.isLive(pid)) {
          Thread.sleep(200); // past exec
          return pid;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("container " + name + " did not start within 10 s");
  }
}
