package dev.jusdt.haconiwa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpecCodecTest {

  /** Every part of a spec set, none at its default. */
  static final String EVERYTHING = """
      name: every-part
      hostname: every.part
      rootfs: {path: ./root, mode: chroot, readonly: true}
      namespaces: [mount, uts, ipc, pid, net, user, cgroup]
      uid_map: ["0 100000 65536", "65536 200000 1"]
      gid_map: ["0 100000 65536"]
      mounts:
        - {type: bind, source: ./data, target: /data, readonly: true}
        - {type: tmpfs, target: /tmp, options: [size=16m, mode=1777]}
        - {type: proc, target: /proc}
      cgroup: {parent: mine, memory: 64M, pids: 32, cpu: {shares: 512, quota_us: 50000, period_us: 100000}}
      rlimits: {nofile: 1024, core: unlimited, nproc: [256, 512]}
      capabilities: {allow: [chown, kill, net_raw, sys_admin]}
      seccomp: {deny: [mkdir, mount], errno: 13}
      user: {uid: 1000, gid: 100, groups: [10, 20]}
      no_new_privileges: false
      env: {TERM: xterm, LANG: C.UTF-8, "ÜNICODE": "日本語"}
      workdir: /data
      command: [/bin/sh, -c, "echo hi"]
      hooks:
        - {at: before_fork, probe: 123, value: booting}
        - {at: teardown, probe: 127, value: 7, run: [/bin/true, x]}
      """;

  static ContainerSpec everything() throws ContainerFileException {
    Path base = Path.of("/srv/containers");
    return ContainerFile.parse(EVERYTHING, "every.yaml", base, base.resolve("every.yaml"), ContainerFileTest.SYSCALLS);
  }

  static byte[] encoded(ContainerSpec spec) {
    SpecCodec.Writer out = new SpecCodec.Writer();
    SpecCodec.encode(spec, out);
    ByteBuffer written = out.written();
    return Arrays.copyOfRange(written.array(), 0, written.limit());
  }

  @Test
  void aSpecWithEveryPartSetComesBackEqual() throws Exception {
    ContainerSpec spec = everything();
    assertThat(spec.user()).isPresent();
    assertThat(spec.hooks()).hasSize(2);

    ByteBuffer in = ByteBuffer.wrap(encoded(spec));
    ContainerSpec decoded = SpecCodec.decode(in);

    assertThat(decoded).isEqualTo(spec);
    assertThat(decoded.env()).containsExactlyEntriesOf(spec.env());
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void theDefaultsAndTheDocumentedExampleComeBackEqual() throws Exception {
    ContainerSpec minimal = ContainerFileTest.parse(ContainerFileTest.MINIMAL);
    ContainerSpec example = ContainerFile.read(Path.of("examples/busybox.yaml"), ContainerFileTest.SYSCALLS_OF_EXAMPLE);

    assertThat(SpecCodec.decode(ByteBuffer.wrap(encoded(minimal)))).isEqualTo(minimal);
    assertThat(SpecCodec.decode(ByteBuffer.wrap(encoded(example)))).isEqualTo(example);
  }

  @Test
  void aBufferLargerThanTheFirstGrows() throws Exception {
    ContainerSpec spec = everything().withCommand(java.util.Collections.nCopies(500, "argument"));

    assertThat(SpecCodec.decode(ByteBuffer.wrap(encoded(spec)))).isEqualTo(spec);
  }

  @Test
  void everyCutShortEncodingIsRefused() throws Exception {
    byte[] bytes = encoded(everything());

    for (int length = 0; length < bytes.length; length++) {
      ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> SpecCodec.decode(cut)).as("cut at %d", length).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void aCountLargerThanWhatIsLeftIsRefusedBeforeAllocating() {
    ByteBuffer in = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).flip();

    assertThatThrownBy(() -> new SpecCodec.Reader(in).bytes()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad count");
  }
}
