package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.haconiwa.config.ContainerFile;
import dev.jusdt.haconiwa.config.ContainerSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChildPlanTest {

  static ContainerSpec spec(String more) throws Exception {
    return ContainerFile.parse("name: p\nrootfs: /r\ncommand: [/bin/true]\n" + more, "p.yaml", Path.of("/"),
        Path.of("/p.yaml"), name -> 1);
  }

  @Test
  void pidAndUserNamespacesComeWithTheCloneTheRestWithUnshare() throws Exception {
    ContainerSpec spec = spec("namespaces: [mount, uts, ipc, pid, net, user, cgroup]\nuid_map: ['0 1 1']\ngid_map: ['0 1 1']\n");

    assertThat(ChildPlan.cloneFlags(spec)).isEqualTo(0x20000000L | 0x10000000L);
    assertThat(ChildPlan.unshareFlags(spec)).isEqualTo(0x00020000L | 0x04000000L | 0x08000000L | 0x40000000L);
  }

  @Test
  void keepMaskFollowsTheListUpToTheKernelsLastCapability() throws Exception {
    assertThat(ChildPlan.keepMask(spec(""), 40)).isEqualTo((1L << 41) - 1);
    assertThat(ChildPlan.keepMask(spec("capabilities: {drop: [sys_admin]}\n"), 40)).isEqualTo(((1L << 41) - 1) & ~(1L << 21));
    assertThat(ChildPlan.keepMask(spec("capabilities: {allow: [chown, kill]}\n"), 40)).isEqualTo(0b100001L);
    assertThat(ChildPlan.keepMask(spec("capabilities: {drop: [checkpoint_restore]}\n"), 37)).isEqualTo((1L << 38) - 1);
  }

  @Test
  void planStartsWithMagicAndVersionAsPlanCReadsThem() throws Exception {
    byte[] plan = ChildPlan.of(spec(""), Path.of("/r"), 40, java.util.List.of());

    ByteBuffer buffer = ByteBuffer.wrap(plan).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(buffer.getInt()).isEqualTo(0x504e4348);
    assertThat(new String(plan, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HCNP");
    assertThat(buffer.getInt()).isEqualTo(1);
  }

  @Test
  void nulInAnArgumentIsRefusedBeforeItReachesC() throws Exception {
    ContainerSpec spec = spec("").withCommand(java.util.List.of("/bin/echo", "a\0b"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChildPlan.of(spec, Path.of("/r"), 40, java.util.List.of()))
        .hasMessageContaining("a NUL character cannot reach a system call: a?b");
  }
}
