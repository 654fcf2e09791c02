package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real containers from a busybox-static root, booted by {@code haconiwa run} in its own JVM:
 * what the command sees inside, and the exit status outside.
 */
class ContainerBootTest {

  @TempDir static Path dir;
  static Path rootfs;
  static Path hostDirectory;
  static Cli cli;

  @BeforeAll
  static void buildRootfs() throws Exception {
    TestRootfs.assumeContainersCanRun();
    rootfs = TestRootfs.build(dir);
    hostDirectory = Files.createDirectories(dir.resolve("host"));
    Files.writeString(hostDirectory.resolve("greeting"), "hello from the host\n");
    cli = new Cli(dir.resolve("state"));
  }

  static String name() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A container file: the common settings, then the test's own lines. */
  static Path file(String name, String more) throws Exception {
    String yaml = """
        name: %s
        hostname: box
        rootfs: %s
        mounts:
          - {type: tmpfs, target: /dev, options: [mode=755, size=64k]}
          - {type: bind, source: /dev/null, target: /dev/null}
          - {type: bind, source: %s, target: /mnt/host, readonly: true}
          - {type: tmpfs, target: /tmp, options: [size=8m]}
          - {type: proc, target: /proc}
          - {type: sysfs, target: /sys, readonly: true}
          - {type: devpts, target: /dev/pts}
        env: {FOO: bar}
        """.formatted(name, rootfs, hostDirectory) + more;
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static Cli.Result run(String name, String more, String... command) throws Exception {
    String[] args = new String[command.length + 3];
    args[0] = "run";
    args[1] = file(name, more).toString();
    args[2] = "--";
    System.arraycopy(command, 0, args, 3, command.length);
    return cli.run(args);
  }

  @Test
  void commandSeesItsHostnamePidOneAndItsMounts() throws Exception {
    String name = name();
    Cli.Result result = run(name, "", "/bin/sh", "-c",
        "hostname; echo pid=$$; cat /proc/mounts; cat /mnt/host/greeting;"
            + " echo x > /mnt/host/new && echo wrote || echo readonly; ls /proc | grep -c '^[0-9]'");

    assertThat(result.exit()).as(result.toString()).isZero();
    String[] lines = result.out().split("\n");
    assertThat(lines[0]).isEqualTo("box");
    assertThat(lines[1]).isEqualTo("pid=1");
    assertThat(result.out())
        .contains("proc /proc proc rw,nosuid,nodev,noexec")
        .contains("sysfs /sys sysfs ro,nosuid,nodev,noexec")
        .contains("tmpfs /tmp tmpfs rw,nosuid,nodev")
        .contains("devpts /dev/pts devpts")
        .contains(" /mnt/host ")
        .contains("hello from the host")
        .contains("readonly");
    // The pid namespace shows the container's own processes only: sh, cat... never hundreds.
    assertThat(Integer.parseInt(lines[lines.length - 1].strip())).isLessThan(5);
    assertThat(Files.exists(hostDirectory.resolve("new"))).isFalse();
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void exitStatusOfTheCommandIsTheRuntimes() throws Exception {
    String name = name();
    Cli.Result result = run(name, "", "/bin/sh", "-c", "echo $FOO; exit 42");

    assertThat(result.exit()).as(result.toString()).isEqualTo(42);
    assertThat(result.out()).isEqualTo("bar\n");
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void immediateExitPassesTheStatusOnAndSkipsTheJvmsOwnExit() throws Exception {
    // The JVM logs its heap at exit (-Xlog:gc+heap+exit): after Runtime.halt, not after _exit.
    List<String> logging = List.of("-Xlog:gc+heap+exit=info:stdout");
    String name = name();
    String[] args = {"run", file(name, "").toString(), "--", "/bin/sh", "-c", "echo $FOO; exit 42"};

    Cli.Result halted = cli.start(logging, args).await();
    Cli.Result ended = cli.start(List.of(logging.get(0), "-D" + Main.IMMEDIATE_EXIT + "=true"), args).await();

    assertThat(halted.exit()).as(halted.toString()).isEqualTo(42);
    assertThat(halted.out()).startsWith("bar\n").contains("Heap");
    assertThat(ended.exit()).as(ended.toString()).isEqualTo(42);
    assertThat(ended.out()).isEqualTo("bar\n");
    assertThat(ended.err()).isEmpty();
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void aBootOfACheckedFileLinksNoLambda() throws Exception {
    // On JDK 17 the first lambda, method reference or regular expression character class a boot
    // runs links the method handle machinery, interpreted: a quarter of a boot's Java time.
    List<String> options = List.of("-Xlog:class+load=info:stdout",
        "-D" + dev.jusdt.haconiwa.config.ContainerFileCache.PROPERTY + "=" + dir.resolve("checked"));
    String name = name();
    String[] args = {"run", file(name, "").toString(), "--", "/bin/sh", "-c", "exit 3"};
    Cli.Result checking = cli.start(options, args).await();

    Cli.Result checked = cli.start(options, args).await();

    assertThat(checking.exit()).as(checking.toString()).isEqualTo(3);
    assertThat(checked.exit()).as(checked.toString()).isEqualTo(3);
    assertThat(checking.out()).as("the file was parsed the first time").contains("org.snakeyaml");
    assertThat(checked.out()).doesNotContain("org.snakeyaml").doesNotContainPattern("\\$\\$Lambda");
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void rlimitsWorkdirAndUserApply() throws Exception {
    String name = name();
    Cli.Result result = run(name, """
        rlimits: {nofile: 123, nproc: [50, 60]}
        workdir: /tmp
        user: {uid: 1000, gid: 1000, groups: [5]}
        """, "/bin/sh", "-c", "ulimit -n; ulimit -u; pwd; id");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("123\n50\n/tmp\nuid=1000 gid=1000 groups=5\n");
  }

  @Test
  void droppedCapabilityDeniesMountWhichRootCanDoOtherwise() throws Exception {
    String mount = "mount -t tmpfs none /mnt && echo mounted";
    Cli.Result allowed = run(name(), "", "/bin/sh", "-c", mount);
    String name = name();
    Cli.Result denied = run(name, "capabilities: {drop: [sys_admin]}\n", "/bin/sh", "-c",
        mount + "; grep CapBnd /proc/self/status");

    assertThat(allowed.out()).as(allowed.toString()).isEqualTo("mounted\n");
    // busybox's words for EPERM from mount(2)
    assertThat(denied.err()).as(denied.toString()).contains("permission denied");
    assertThat(denied.out()).doesNotContain("mounted");
    // CAP_SYS_ADMIN is bit 21 of the bounding set.
    String bounding = denied.out().replaceAll("(?s).*CapBnd:\\s*(\\p{XDigit}+).*", "$1").strip();
    assertThat(Long.parseLong(bounding, 16) & (1L << 21)).isZero();
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void capabilityAllowListKeepsOnlyThoseListed() throws Exception {
    Cli.Result result = run(name(), "capabilities: {allow: [chown, kill]}\n",
        "/bin/sh", "-c", "grep CapEff /proc/self/status");

    assertThat(result.out()).as(result.toString()).contains("0000000000000021");
  }

  @Test
  void seccompDeniesTheListedCallsOnly() throws Exception {
    String name = name();
    Cli.Result result = run(name, "seccomp: {deny: [mkdir, mkdirat], errno: EACCES}\n", "/bin/sh", "-c",
        "mkdir /tmp/d; echo mkdir=$?; touch /tmp/f && echo touched");

    assertThat(result.err()).as(result.toString()).contains("Permission denied");
    assertThat(result.out()).isEqualTo("mkdir=1\ntouched\n");
    Cli.Result control = run(name(), "", "/bin/sh", "-c", "mkdir /tmp/d; echo mkdir=$?");
    assertThat(control.out()).as(control.toString()).isEqualTo("mkdir=0\n");
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void userNamespaceMapsRootToAnUnprivilegedHostUser() throws Exception {
    String name = name();
    Cli.Result result = run(name, """
        namespaces: [mount, uts, ipc, pid, net, user, cgroup]
        uid_map: ["0 100000 65536"]
        gid_map: ["0 100000 65536"]
        """, "/bin/sh", "-c", "id -u; cat /proc/self/uid_map; cat /proc/self/gid_map; cat /proc/self/cgroup");

    assertThat(result.exit()).as(result.toString()).isZero();
    String[] lines = result.out().split("\n");
    assertThat(lines[0]).isEqualTo("0");
    assertThat(lines[1].trim().split("\\s+")).containsExactly("0", "100000", "65536");
    assertThat(lines[2].trim().split("\\s+")).containsExactly("0", "100000", "65536");
    // In its own cgroup namespace, the container's cgroups are its roots.
    assertThat(result.out()).containsPattern("(?m)^0::/$");
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void hooksRunHostCommandsAtTheirPointsWithTheContainersPid() throws Exception {
    String name = name();
    Path log = dir.resolve(name + ".log");
    String hook = "[/bin/sh, -c, 'echo $HACONIWA_HOOK $HACONIWA_NAME $HACONIWA_PID >> " + log + "']";
    Cli.Result result = run(name, """
        hooks:
          - {at: before_fork, probe: 123, run: %1$s}
          - {at: after_fork, probe: 124, run: %1$s}
          - {at: teardown, probe: 125, run: %1$s}
        """.formatted(hook), "/bin/sh", "-c", "echo started");

    assertThat(result.exit()).as(result.toString()).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("before_fork " + name + " 0");
    String pid = lines.get(1).split(" ")[2];
    assertThat(Long.parseLong(pid)).isPositive();
    assertThat(lines.get(1)).isEqualTo("after_fork " + name + " " + pid);
    assertThat(lines.get(2)).isEqualTo("teardown " + name + " " + pid);
  }

  @Test
  void failingBeforeForkHookStopsTheStart() throws Exception {
    String name = name();
    Cli.Result result = run(name, "hooks: [{at: before_fork, probe: 123, run: [/bin/false]}]\n", "/bin/true");

    assertThat(result.exit()).as(result.toString()).isEqualTo(125);
    assertThat(result.err()).contains("hook before_fork [/bin/false] exited with 1; the container is not started");
    Leftovers.assertNone(name, rootfs);
  }

  @Test
  void chrootModeBootsToo() throws Exception {
    Path file = dir.resolve("chroot.yaml");
    Files.writeString(file, """
        name: %s
        rootfs: {path: %s, mode: chroot, readonly: true}
        mounts: [{type: proc, target: /proc}]
        command: [/bin/sh, -c, "echo $$; touch /x || echo readonly"]
        """.formatted(name(), rootfs));

    Cli.Result result = cli.run("run", file.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("1\nreadonly\n");
  }
}
