package dev.jusdt.runtime;

import java.nio.ByteBuffer;

/**
 * Reads a semaphore at an absolute address, with the cheapest read the JDK offers that the JIT
 * may neither hoist out of a loop nor merge with an earlier read.
 *
 * <p>{@code sun.misc.Unsafe}'s volatile read up to JDK 23; from JDK 24, which warns on {@code
 * Unsafe} memory access, the foreign memory API's opaque read. Both compile to one plain 16-bit
 * load on x86-64 and AArch64 once the address is a constant. A {@code ByteBuffer} view {@code
 * VarHandle} would do, but costs four more loads and two checks per read: the JIT cannot trust a
 * buffer's address and limit, which are not final.
 */
final class SemaphoreMemory {

  private static final int UNSAFE = 1;
  private static final int FOREIGN = 2;
  private static final int FIRST_WITH_UNSAFE_WARNINGS = 24;

  /** Which reader works here; 0 if none does, and then no library is attached. */
  private static final int MODE = select();

  private SemaphoreMemory() {}

  /** Whether semaphores can be read at all on this JVM. */
  static boolean available() {
    return MODE != 0;
  }

  /**
   * The address of a direct buffer's first byte.
   *
   * @throws IllegalStateException if no reader is available
   */
  static long addressOf(ByteBuffer direct) {
    if (MODE == FOREIGN) {
      return ForeignMemory.addressOf(direct);
    }
    if (MODE == UNSAFE) {
      return UnsafeMemory.addressOf(direct);
    }
    throw new IllegalStateException("this JVM offers no way to read probe semaphores");
  }

  /** Reads the {@code unsigned short} at {@code address}; only for addresses of attached arrays. */
  static short read(long address) {
    return MODE == FOREIGN ? ForeignMemory.read(address) : UnsafeMemory.read(address);
  }

  private static int select() {
    boolean unsafeWarns = Runtime.version().feature() >= FIRST_WITH_UNSAFE_WARNINGS;
    if (unsafeWarns && foreignWorks()) {
      return FOREIGN;
    }
    if (unsafeWorks()) {
      return UNSAFE;
    }
    return foreignWorks() ? FOREIGN : 0;
  }

  // A reader whose classes cannot be linked here (a jlinked runtime without jdk.unsupported,
  // say) fails its class initialisation with a LinkageError; that only rules it out.

  private static boolean unsafeWorks() {
    try {
      return UnsafeMemory.works();
    } catch (LinkageError e) {
      return false;
    }
  }

  private static boolean foreignWorks() {
    try {
      return ForeignMemory.works();
    } catch (LinkageError e) {
      return false;
    }
  }
}
