package dev.jusdt.runtime;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the SDT semaphores of a probe library from Java, so that a probe with no tracer attached
 * never crosses into native code.
 *
 * <p>A tracer (the kernel, for uprobes with a reference counter, or bcc/bpftrace writing through
 * {@code /proc/PID/mem}) increments a probe's {@code unsigned short} semaphore in the library's
 * {@code .probes} section while it is attached. Generated classes hold the library's {@link
 * SemaphoreArray} in a {@code static final} field and ask {@link #isSet} before each firing.
 */
public final class Semaphores {

  /*
   * Every attached array by address, with the buffer over it: it keeps a buffer that owns its
   * memory reachable, and it is how SemaphoreArray refuses addresses that no library handed out.
   */
  private static final Map<Long, ByteBuffer> ATTACHED = new ConcurrentHashMap<>();

  private Semaphores() {}

  /**
   * Whether the semaphore at {@code index} is non-zero, i.e. a tracer is attached to that probe.
   *
   * <p>Compiled with {@code semaphores} a constant, this is one 16-bit load from a fixed address,
   * which the JIT may neither hoist out of a running loop nor merge with an earlier read: a
   * compiled loop sees a tracer attach and detach.
   *
   * @param semaphores an array from {@link #attach} or {@link #none}
   * @param index the probe's semaphore index, as assigned by the processor
   * @throws IndexOutOfBoundsException if {@code index} is not below the array's count
   */
  public static boolean isSet(SemaphoreArray semaphores, int index) {
    long address = semaphores.address();
    if (index < 0 || index >= semaphores.count()) {
      throw new IndexOutOfBoundsException(
          "semaphore " + index + " of " + semaphores.count());
    }
    return address != 0 && SemaphoreMemory.read(address + 2L * index) != 0;
  }

  /**
   * Checks a buffer handed out by the native library's {@code semaphores0()}.
   *
   * @param fromNative the direct buffer over the library's semaphore array
   * @param count the number of probes the generated class expects
   * @return the array, ready for {@link #isSet}
   * @throws IllegalStateException if the library is not the one the class was generated with, or
   *     this JVM cannot read native memory
   */
  public static SemaphoreArray attach(ByteBuffer fromNative, int count) {
    if (fromNative == null || !fromNative.isDirect() || fromNative.capacity() < 2 * count) {
      throw new IllegalStateException(
          "probe library does not match its generated class: expected "
              + count
              + " semaphores, got "
              + (fromNative == null ? "none" : fromNative.capacity() / 2)
              + "; rebuild the project so the library and the classes come from one compilation");
    }
    if (!SemaphoreMemory.available()) {
      throw new IllegalStateException(
          "this JVM can read probe semaphores neither through sun.misc.Unsafe (module"
              + " jdk.unsupported) nor through java.lang.foreign (JDK 22+ with native access)");
    }
    long address = SemaphoreMemory.addressOf(fromNative);
    if (address == 0 || (address & 1) != 0) {
      throw new IllegalStateException("semaphore array at a bad address: " + address);
    }
    ATTACHED.putIfAbsent(address, fromNative);
    return new SemaphoreArray(address, count);
  }

  /**
   * Semaphores that are never set: every probe of a library that could not be loaded is a no-op.
   *
   * @param count the number of probes
   * @return an array whose semaphores all read as zero
   */
  public static SemaphoreArray none(int count) {
    return new SemaphoreArray(0, count);
  }

  /** Whether an attached array starts at {@code address} and holds {@code count} semaphores. */
  static boolean covers(long address, int count) {
    ByteBuffer buffer = ATTACHED.get(address);
    return buffer != null && buffer.capacity() >= 2L * count;
  }
}
