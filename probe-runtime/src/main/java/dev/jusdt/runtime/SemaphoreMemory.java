package dev.jusdt.runtime;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Reads a semaphore with the cheapest read the JDK offers that the JIT may neither hoist out of a
 * loop nor merge with an earlier read.
 *
 * <p>Up to JDK 23, {@code sun.misc.Unsafe}'s volatile read at the array's address: with the
 * address a constant it compiles to one plain 16-bit load. From JDK 24, which warns on {@code
 * Unsafe} memory access, and wherever {@code Unsafe} is missing, the {@code ByteBuffer}'s own read
 * after a volatile one ({@link BufferMemory}) at first; it checks the buffer's bounds and reloads
 * its address on every read, two to three times an empty method's cost. An opaque read
 * through the foreign memory API at a constant address ({@link ForeignMemory}) costs one load like
 * {@code Unsafe}'s, but initialising {@code java.lang.foreign} takes 45-90 ms of a cold JVM. So a
 * daemon thread initialises it a second after the first library is attached, checks every
 * attached array's address against its buffer, and then switches every later read to it; a
 * compiled caller that never took the new branch meets an uncommon trap there and is recompiled.
 */
final class SemaphoreMemory {

  private static final int FIRST_WITH_UNSAFE_WARNINGS = 24;

  // Not a method of ForeignMemory: calling one initialises it, the very cost kept off this thread.
  private static final int FIRST_WITH_FOREIGN_MEMORY = 22;

  /** Out of a program's start-up, which is what the switch is there to spare. */
  private static final long FOREIGN_DELAY_MILLIS = 1000;

  private static final boolean UNSAFE =
      Runtime.version().feature() < FIRST_WITH_UNSAFE_WARNINGS && unsafeWorks();

  /*
   * Set once, under Semaphores.attachLock(), after every attached address was checked. Volatile,
   * which on x86-64 and AArch64 costs a plain load: with a plain field C2 may read it once before a
   * compiled loop and keep the ByteBuffer read for as long as the loop runs (correct, but slow).
   */
  private static volatile boolean foreign;

  private static boolean foreignStarted;

  private SemaphoreMemory() {}

  /**
   * The address {@link #read} is to use for an attached buffer: with {@code Unsafe}, the buffer's
   * own (which the library's {@code reported} one, if any, must equal); without it, the reported
   * one, checked now if the foreign memory read is in use and before the switch otherwise.
   * Called under {@link Semaphores#attachLock()}.
   *
   * @throws IllegalStateException if the reported address is not the buffer's
   */
  static long checkedAddress(ByteBuffer direct, long reported) {
    if (UNSAFE) {
      long actual = UnsafeMemory.addressOf(direct);
      if (reported != 0 && reported != actual) {
        throw mismatch(reported, actual);
      }
      return actual;
    }
    if (reported == 0) {
      return 0;
    }
    if (foreign) {
      long actual = ForeignMemory.addressOf(direct);
      if (reported != actual) {
        throw mismatch(reported, actual);
      }
    } else if (!foreignStarted && Runtime.version().feature() >= FIRST_WITH_FOREIGN_MEMORY) {
      foreignStarted = true;
      Thread thread = new Thread(new Switch(), "jusdt-foreign-memory");
      thread.setDaemon(true);
      thread.setPriority(Thread.MIN_PRIORITY);
      thread.start();
    }
    return reported;
  }

  /** Reads semaphore {@code index} of {@code semaphores}, an attached array or a none one. */
  static short read(SemaphoreArray semaphores, int index) {
    if (UNSAFE) {
      return unsafeRead(semaphores, index);
    }
    return foreign ? foreignRead(semaphores, index) : bufferRead(semaphores, index);
  }

  private static short unsafeRead(SemaphoreArray semaphores, int index) {
    long address = semaphores.address();
    return address == 0 ? 0 : UnsafeMemory.read(address + 2L * index);
  }

  private static short foreignRead(SemaphoreArray semaphores, int index) {
    long address = semaphores.address();
    return address == 0 ? bufferRead(semaphores, index) : ForeignMemory.read(address + 2L * index);
  }

  private static short bufferRead(SemaphoreArray semaphores, int index) {
    ByteBuffer buffer = semaphores.buffer();
    return buffer == null ? 0 : BufferMemory.read(buffer, index);
  }

  /** Whether reads now go through the foreign memory API; for tests. */
  static boolean readsForeignMemory() {
    synchronized (Semaphores.attachLock()) {
      return foreign;
    }
  }

  private static IllegalStateException mismatch(long reported, long actual) {
    return new IllegalStateException(
        "probe library reports its semaphores at 0x"
            + Long.toHexString(reported)
            + " but hands out a buffer at 0x"
            + Long.toHexString(actual)
            + "; rebuild the project so the library and the classes come from one compilation");
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

  /**
   * The address of an attached array, once every attached array's address is checked against its
   * buffer through the foreign memory API; 0 if one does not match or cannot be told (no switch,
   * no trace). Called under {@link Semaphores#attachLock()}.
   */
  private static long anyVerifiedAddress() {
    long any = 0;
    try {
      for (Map.Entry<ByteBuffer, Long> array : Semaphores.attachedArrays().entrySet()) {
        long address = array.getValue();
        if (address != 0 && ForeignMemory.addressOf(array.getKey()) != address) {
          return 0;
        }
        any = address != 0 ? address : any;
      }
    } catch (RuntimeException e) {
      return 0;
    }
    return any;
  }

  /** Reads at least this often before the switch, for the JIT's compile thresholds. */
  private static final int WARM_READS = 50_000;

  /** Where {@link #warm} leaves what it read, so the reads are not optimised away. */
  private static int warmSink;

  /**
   * Makes {@link ForeignMemory#read} hot and compiled before the switch: the callers compiled
   * against the ByteBuffer read are recompiled when they first see it, and inline it only if it is
   * compiled by then with its VarHandle linked; where it was not, a disabled probe cost a call (3-4
   * ns instead of 0.6 on JDK 25, in one JMH fork of three).
   */
  private static void warm(long address) {
    int seen = 0;
    for (int i = 0; i < WARM_READS; i++) {
      seen |= ForeignMemory.read(address);
    }
    warmSink = seen;
  }

  /** Initialises the foreign memory API off the caller's thread, then switches the reads over. */
  private static final class Switch implements Runnable {
    @Override
    public void run() {
      try {
        Thread.sleep(FOREIGN_DELAY_MILLIS);
        if (!ForeignMemory.works()) {
          return;
        }
      } catch (InterruptedException | LinkageError | RuntimeException e) {
        // The ByteBuffer read stays; it is only slower.
        return;
      }
      long address;
      synchronized (Semaphores.attachLock()) {
        address = anyVerifiedAddress();
      }
      if (address == 0) {
        return;
      }
      // Off the lock: an attach meanwhile waits for none of it.
      warm(address);
      synchronized (Semaphores.attachLock()) {
        // Arrays attached while warming are checked too.
        if (anyVerifiedAddress() != 0) {
          foreign = true;
        }
      }
    }
  }
}
