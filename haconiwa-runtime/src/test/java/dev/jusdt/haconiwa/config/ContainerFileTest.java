package dev.jusdt.haconiwa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jusdt.haconiwa.config.ContainerFileException.Problem;
import dev.jusdt.haconiwa.config.ContainerSpec.Capabilities;
import dev.jusdt.haconiwa.config.ContainerSpec.HookPoint;
import dev.jusdt.haconiwa.config.ContainerSpec.MountType;
import dev.jusdt.haconiwa.config.ContainerSpec.Rlimit;
import dev.jusdt.haconiwa.config.ContainerSpec.RootMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ContainerFileTest {

  /** A stand-in for the machine's table: three calls known. */
  static final ToIntFunction<String> SYSCALLS = name -> Map.of("mkdir", 83, "mount", 165, "ptrace", 101).getOrDefault(name, -1);

  static final Path BASE = Path.of("/srv/containers");

  static ContainerSpec parse(String yaml) throws ContainerFileException {
    return ContainerFile.parse(yaml, "web.yaml", BASE, BASE.resolve("web.yaml"), SYSCALLS);
  }

  static List<Problem> problems(String yaml) {
    try {
      parse(yaml);
    } catch (ContainerFileException e) {
      return e.problems();
    }
    throw new AssertionError("no problem reported for:\n" + yaml);
  }

  static final String MINIMAL = "name: web\nrootfs: ./root\ncommand: [/bin/true]\n";

  @Test
  void minimalFileGetsTheDefaults() throws Exception {
    ContainerSpec spec = parse(MINIMAL);

    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.rootfs().path()).isEqualTo(Path.of("/srv/containers/root"));
    assertThat(spec.rootfs().mode()).isEqualTo(RootMode.PIVOT_ROOT);
    assertThat(spec.namespaces()).isEqualTo(ContainerFile.DEFAULT_NAMESPACES);
    assertThat(spec.env()).containsExactly(Map.entry("PATH", ContainerFile.DEFAULT_PATH));
    assertThat(spec.capabilities().mode()).isEqualTo(Capabilities.Mode.ALL);
    assertThat(spec.seccomp().deny()).isEmpty();
    assertThat(spec.noNewPrivileges()).isTrue();
    assertThat(spec.cgroup().parent()).isEqualTo("haconiwa");
    assertThat(spec.command()).containsExactly("/bin/true");
  }

  @Test
  void theDocumentedExampleReadsAsDocumented() throws Exception {
    Path example = Path.of("examples/busybox.yaml");

    ContainerSpec spec = ContainerFile.read(example, SYSCALLS_OF_EXAMPLE);

    assertThat(spec.name()).isEqualTo("busybox");
    assertThat(spec.hostname()).contains("busybox");
    assertThat(spec.rootfs().path()).isEqualTo(example.toAbsolutePath().getParent().resolve("rootfs"));
    assertThat(spec.mounts()).extracting(ContainerSpec.Mount::type).containsExactly(
        MountType.TMPFS, MountType.BIND, MountType.BIND, MountType.BIND, MountType.DEVPTS, MountType.PROC,
        MountType.SYSFS, MountType.TMPFS, MountType.MQUEUE, MountType.BIND);
    assertThat(spec.mounts().get(7).options()).containsExactly("size=16m", "mode=1777");
    assertThat(spec.cgroup().memoryBytes()).hasValue(64L << 20);
    assertThat(spec.cgroup().pids()).hasValue(64);
    assertThat(spec.cgroup().cpuQuotaMicros()).hasValue(50_000);
    assertThat(spec.rlimits()).contains(new Rlimit(ResourceLimit.NPROC, 256, 512), new Rlimit(ResourceLimit.CORE, 0, 0));
    assertThat(spec.capabilities().keeps(Capability.SYS_ADMIN)).isFalse();
    assertThat(spec.capabilities().keeps(Capability.CHOWN)).isTrue();
    assertThat(spec.seccomp().deny()).contains("mount", "unshare");
    assertThat(spec.env()).containsEntry("TERM", "xterm");
    assertThat(spec.hooks()).extracting(ContainerSpec.Hook::at)
        .containsExactly(HookPoint.BEFORE_FORK, HookPoint.BEFORE_START_WAIT, HookPoint.TEARDOWN);
    assertThat(spec.hooks().get(0).text()).contains("booting");
    assertThat(spec.hooks().get(2).number()).hasValue(0);
  }

  /** Every name in the example's deny list is a real system call. */
  static final ToIntFunction<String> SYSCALLS_OF_EXAMPLE = name -> List.of("kexec_load", "init_module",
      "finit_module", "delete_module", "reboot", "swapon", "swapoff", "unshare", "mount", "umount2").indexOf(name);

  @Test
  void commandAsTextRunsThroughTheShell() throws Exception {
    ContainerSpec spec = parse("name: web\nrootfs: /r\ncommand: echo hi; exit 3\n");

    assertThat(spec.command()).containsExactly("/bin/sh", "-c", "echo hi; exit 3");
  }

  @Test
  void badSizeNamesLineColumnKeyAndAnExample() {
    List<Problem> problems = problems(MINIMAL + "cgroup:\n  memory: 64 parsecs\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(5);
      assertThat(p.column()).isEqualTo(11);
      assertThat(p.key()).isEqualTo("cgroup.memory");
      assertThat(p.toString()).isEqualTo(
          "web.yaml:5:11: cgroup.memory: '64 parsecs' is not a size of at least 1M; write bytes or a number with K, M or G, e.g. 64M");
    });
  }

  @Test
  void everyProblemIsReportedAtOnceInFileOrder() {
    List<Problem> problems = problems("""
        name: -web
        rootfs: /r
        namespaces: [mount, pdi]
        cgroup: {pids: 0}
        capabilities: {drop: [sys_admn]}
        seccomp: {deny: [mkdri]}
        rlimits: {nofiles: 3}
        command: [/bin/true]
        """);

    assertThat(problems).extracting(Problem::line).containsExactly(1, 3, 4, 5, 6, 7);
    assertThat(problems).extracting(Problem::key).containsExactly(
        "name", "namespaces[1]", "cgroup.pids", "capabilities.drop[0]", "seccomp.deny[0]", "rlimits.nofiles");
    assertThat(problems.get(1).message()).contains("unknown namespace 'pdi'");
    assertThat(problems.get(2).message()).isEqualTo("must be between 1 and 4194304, was 0");
    assertThat(problems.get(3).message()).contains("unknown capability 'sys_admn'");
    assertThat(problems.get(4).message()).contains("unknown system call 'mkdri'");
    assertThat(problems.get(5).message()).contains("did you mean 'nofile'?");
  }

  @Test
  void misspeltKeyGetsASuggestion() {
    List<Problem> problems = problems(MINIMAL + "hostnmae: web\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.message()).startsWith("unknown key; did you mean 'hostname'? known keys here: capabilities, cgroup,");
    });
  }

  @Test
  void duplicateKeyNamesBothLines() {
    List<Problem> problems = problems(MINIMAL + "name: other\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.message()).isEqualTo("appears twice (first on line 1); keep one");
    });
  }

  @Test
  void yamlSyntaxErrorNamesItsLine() {
    List<Problem> problems = problems("name: web\nrootfs: [/r\ncommand: [/bin/true]\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isGreaterThanOrEqualTo(2);
      assertThat(p.message()).startsWith("not valid YAML: ");
    });
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertThat(problems("hostname: web\n")).extracting(Problem::key).containsExactly("name", "rootfs");
  }

  @Test
  void emptyFileSaysWhatIsNeeded() {
    assertThat(problems("")).singleElement().extracting(Problem::message).asString().contains("needs at least name, rootfs and command");
  }

  @Test
  void userNamespaceNeedsBothMaps() {
    List<Problem> problems = problems(MINIMAL + "namespaces: [mount, pid, user]\nuid_map: ['0 100000 65536']\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("gid_map");
      assertThat(p.message()).contains("a user namespace needs gid_map");
    });
  }

  @Test
  void mapWithoutUserNamespaceIsAMistake() {
    assertThat(problems(MINIMAL + "uid_map: ['0 1000 1']\n")).singleElement()
        .extracting(Problem::message).asString().contains("add user to namespaces");
  }

  @Test
  void malformedMapLineShowsTheForm() {
    assertThat(problems(MINIMAL + "namespaces: [mount, user]\nuid_map: ['0 100000']\ngid_map: ['0 0 1']\n"))
        .singleElement().extracting(Problem::message).asString()
        .isEqualTo("must be 'inside outside count', three ids such as '0 100000 65536', was '0 100000'");
  }

  @Test
  void hostnameNeedsUtsAndRootfsNeedsMount() {
    assertThat(problems(MINIMAL + "hostname: web\nnamespaces: [pid]\n")).extracting(Problem::key)
        .containsExactlyInAnyOrder("hostname", "rootfs");
  }

  @Test
  void mountsAreChecked() {
    List<Problem> problems = problems(MINIMAL + """
        mounts:
          - {type: bind, target: /data}
          - {type: proc, source: /proc, target: proc}
          - {type: nfs, target: /n}
          - {type: bind, source: /x, target: /y, options: [ro]}
        """);

    assertThat(problems).extracting(Problem::key).containsExactly(
        "mounts[0].source", "mounts[1].source", "mounts[1].target", "mounts[2].type", "mounts[3].options");
  }

  @Test
  void capabilityListsAcceptAnyCaseAndPrefix() throws Exception {
    ContainerSpec spec = parse(MINIMAL + "capabilities: {allow: [CAP_CHOWN, Net_Bind_Service]}\n");

    assertThat(spec.capabilities().listed()).containsExactlyInAnyOrder(Capability.CHOWN, Capability.NET_BIND_SERVICE);
    assertThat(spec.capabilities().keeps(Capability.SYS_ADMIN)).isFalse();
  }

  @Test
  void dropAllKeepsNothing() throws Exception {
    ContainerSpec spec = parse(MINIMAL + "capabilities: {drop: [all]}\n");

    assertThat(Capability.values()).noneMatch(c -> spec.capabilities().keeps(c));
  }

  @Test
  void dropAndAllowTogetherIsAMistake() {
    assertThat(problems(MINIMAL + "capabilities: {drop: [chown], allow: [kill]}\n")).singleElement()
        .extracting(Problem::message).isEqualTo("give either drop or allow, not both");
  }

  @Test
  void seccompResolvesNamesAndRefusesExecve() throws Exception {
    ContainerSpec spec = parse(MINIMAL + "seccomp: {deny: [mkdir, ptrace, mkdir], errno: EACCES}\n");

    assertThat(spec.seccomp().deny()).containsExactly("mkdir", "ptrace");
    assertThat(spec.seccomp().numbers()).containsExactly(83, 101);
    assertThat(spec.seccomp().errno()).isEqualTo(13);
    assertThat(problems(MINIMAL + "seccomp: {deny: [execve]}\n")).singleElement()
        .extracting(Problem::message).asString().contains("would stop the command itself");
  }

  @Test
  void rlimitsTakeNumbersSizesUnlimitedAndPairs() throws Exception {
    ContainerSpec spec = parse(MINIMAL + "rlimits: {nofile: 64, stack: 8M, core: unlimited, nproc: [10, 20]}\n");

    assertThat(spec.rlimits()).containsExactly(
        new Rlimit(ResourceLimit.NOFILE, 64, 64),
        new Rlimit(ResourceLimit.STACK, 8 << 20, 8 << 20),
        new Rlimit(ResourceLimit.CORE, Rlimit.UNLIMITED, Rlimit.UNLIMITED),
        new Rlimit(ResourceLimit.NPROC, 10, 20));
    assertThat(problems(MINIMAL + "rlimits: {nproc: [20, 10]}\n")).singleElement()
        .extracting(Problem::message).isEqualTo("the soft limit 20 is above the hard limit 10");
  }

  @Test
  void hooksNeedAPointAndAUserPhase() throws Exception {
    ContainerSpec spec = parse(MINIMAL + "hooks: [{at: teardown, probe: 127, value: bye, run: [/bin/true]}]\n");

    assertThat(spec.hooks()).singleElement().satisfies(h -> {
      assertThat(h.at()).isEqualTo(HookPoint.TEARDOWN);
      assertThat(h.phase()).isEqualTo(127);
      assertThat(h.text()).contains("bye");
      assertThat(h.run()).containsExactly("/bin/true");
    });
    assertThat(problems(MINIMAL + "hooks: [{at: later, probe: 6}]\n")).extracting(Problem::key)
        .containsExactly("hooks[0].at", "hooks[0].probe");
  }

  @Test
  void exceptionMessageListsEveryProblemOnItsOwnLine() {
    assertThatThrownBy(() -> parse("name: web\nrootfs: /r\nworkdir: tmp\nuser: {uid: -1}\n"))
        .isInstanceOf(ContainerFileException.class)
        .hasMessage("web.yaml:3:10: workdir: must be an absolute path inside the container, was 'tmp'\n"
            + "web.yaml:4:13: user.uid: must be between 0 and 4294967294, was -1");
  }
}
