package dev.jusdt.runtime;

import java.nio.ByteBuffer;

/**
 * Reads a semaphore with the cheapest read the JDK offers that the JIT may neither hoist out of a
 * loop nor merge with an earlier read.
 *
 * <p>Up to JDK 23, {@code sun.misc.Unsafe}'s volatile read at the array's address: with the
 * address a constant it compiles to one plain 16-bit load. From JDK 24, which warns on {@code
 * Unsafe} memory access, and wherever {@code Unsafe} is missing, an opaque read through a {@code
 * ByteBuffer} view {@code VarHandle} ({@link BufferMemory}).
 */
final class SemaphoreMemory {

  private static final int FIRST_WITH_UNSAFE_WARNINGS = 24;

  private static final boolean UNSAFE =
      Runtime.version().feature() < FIRST_WITH_UNSAFE_WARNINGS && unsafeWorks();

  private SemaphoreMemory() {}

  /** The address of a direct buffer's first byte, or 0 where {@link #read} does not need it. */
  static long addressOf(ByteBuffer direct) {
    return UNSAFE ? UnsafeMemory.addressOf(direct) : 0;
  }

  /**
   * Reads semaphore {@code index} of an attached array.
   *
   * @param buffer the direct buffer over the array
   * @param address {@link #addressOf} that buffer
   */
  static short read(ByteBuffer buffer, long address, int index) {
    return UNSAFE ? UnsafeMemory.read(address + 2L * index) : BufferMemory.read(buffer, index);
  }

  // A JVM without jdk.unsupported (a jlinked runtime, say) fails UnsafeMemory's class
  // initialisation with a LinkageError; that only rules it out.
  private static boolean unsafeWorks() {
    try {
      return UnsafeMemory.works();
    } catch (LinkageError e) {
      return false;
    }
  }
}
