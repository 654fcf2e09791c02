package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChildFailureTest {

  static byte[] record(int phase, int errno, String step, String detail) {
    ByteBuffer buffer = ByteBuffer.allocate(ChildFailure.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(ChildFailure.MAGIC).putInt(phase).putInt(errno);
    buffer.put(12, step.getBytes(StandardCharsets.UTF_8));
    buffer.put(44, detail.getBytes(StandardCharsets.UTF_8));
    return buffer.array();
  }

  @Test
  void endOfFileWithoutARecordMeansTheChildExeced() {
    assertThat(ChildFailure.parse(new byte[0])).isEmpty();
  }

  @Test
  void recordIsReadWithItsPhaseName() {
    ChildFailure failure = ChildFailure.parse(record(16, 1, "mount", "proc on /r/proc")).orElseThrow();

    assertThat(failure).isEqualTo(new ChildFailure(16, "mount", "proc on /r/proc", 1));
    assertThat(failure.exitCode()).isEqualTo(125);
    assertThat(failure.describe()).isEqualTo(
        "phase 16 CONTAINER_REMOUNTED: mount proc on /r/proc: Operation not permitted (EPERM)");
  }

  @Test
  void execFailuresMapToTheShellsExitCodes() {
    assertThat(ChildFailure.parse(record(21, 2, "execve", "x")).orElseThrow().exitCode()).isEqualTo(127);
    assertThat(ChildFailure.parse(record(21, 13, "execve", "x")).orElseThrow().exitCode()).isEqualTo(126);
    assertThat(ChildFailure.parse(record(21, 8, "execve", "x")).orElseThrow().exitCode()).isEqualTo(126);
    assertThat(ChildFailure.parse(record(21, 7, "execve", "x")).orElseThrow().exitCode()).isEqualTo(125);
  }
}
