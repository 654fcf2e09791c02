package dev.jusdt.runtime;

import java.nio.ByteBuffer;

/**
 * Semaphore reads through the {@code ByteBuffer} itself: from JDK 24, which warns on {@code
 * sun.misc.Unsafe} memory access, until {@link SemaphoreMemory} moves to the foreign memory read,
 * and wherever neither works.
 *
 * <p>A plain {@code getShort} after a volatile read: the volatile read is an acquire, so the JIT
 * can move no later load above it, and the one in the next iteration of a loop keeps the read from
 * being hoisted out of the loop (on x86-64 it is a plain load, with no fence). Not a {@code
 * ByteBuffer} view {@code VarHandle}'s opaque read, which guarantees the same: creating and first
 * linking that handle cost 0.8 ms of a warm start on JDK 25. Either way the JIT cannot trust a buffer's address
 * and limit (they are not final) and reloads and checks them on every read, which is why the
 * foreign memory read replaces this one once it is initialised.
 */
final class BufferMemory {

  // Never written: read only for its acquire (VarHandle.acquireFence() initialises VarHandle,
  // 0.2 ms of a start).
  private static volatile int fence;

  private BufferMemory() {}

  static short read(ByteBuffer semaphores, int index) {
    int acquire = fence;
    return semaphores.getShort(index << 1);
  }
}
