package dev.jusdt.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Semaphore reads through a {@code ByteBuffer} view {@code VarHandle}: from JDK 24, which warns on
 * {@code sun.misc.Unsafe} memory access, and wherever {@code Unsafe} is missing.
 *
 * <p>An opaque read: the JIT may neither hoist it out of a running loop nor merge it with an
 * earlier read. It costs more than {@link UnsafeMemory}'s, because the JIT cannot trust a buffer's
 * address and limit (they are not final) and reloads and checks them on every read. The foreign
 * memory API would fold them, but initialising it takes 60-90 ms of a cold JVM's start.
 */
final class BufferMemory {

  private static final VarHandle SHORT =
      MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());

  private BufferMemory() {}

  static short read(ByteBuffer semaphores, int index) {
    return (short) SHORT.getOpaque(semaphores, index << 1);
  }
}
