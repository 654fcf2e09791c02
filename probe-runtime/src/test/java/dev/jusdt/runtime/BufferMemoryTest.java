package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The {@code ByteBuffer} read on its own, as JDK 24+ reads before the switch to the foreign memory
 * API (and for ever where that API does not work): {@link SemaphoresTest} cannot pin that phase.
 */
class BufferMemoryTest {

  private static final ByteBuffer MEMORY =
      ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

  private static final ByteBuffer READ_ONLY =
      MEMORY.asReadOnlyBuffer().order(ByteOrder.nativeOrder());

  @Test
  void readsTheSemaphoreAtTheIndexInNativeOrder() {
    MEMORY.putShort(4, (short) 0x0102);
    try {
      assertThat(BufferMemory.read(READ_ONLY, 2)).isEqualTo((short) 0x0102);
      assertThat(BufferMemory.read(READ_ONLY, 1)).isZero();
      assertThat(BufferMemory.read(READ_ONLY, 3)).isZero();
    } finally {
      MEMORY.putShort(4, (short) 0);
    }
  }

  @Test
  void aCompiledLoopSeesATracerAttachAndDetach() throws Exception {
    SpinningLoop.seesAttachAndDetach(
        () -> BufferMemory.read(READ_ONLY, 1) != 0, value -> MEMORY.putShort(2, (short) value));
  }
}
