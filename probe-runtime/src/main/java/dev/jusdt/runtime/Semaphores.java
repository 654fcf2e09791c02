package dev.jusdt.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

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
   * Every buffer attach() handed out, with its address: how SemaphoreArray refuses buffers and
   * addresses that no library handed out. Never shrinks; there is one per library.
   */
  private static final Map<ByteBuffer, Long> ATTACHED =
      Collections.synchronizedMap(new IdentityHashMap<>());

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
    // Kept under C2's MaxInlineSize (35 bytes of bytecode), as is SemaphoreMemory.read: inlined
    // even where the JIT does not count the call hot, as when SemaphoreMemory's switch has just
    // recompiled a caller; else a disabled probe costs a call.
    Objects.checkIndex(index, semaphores.count());
    return SemaphoreMemory.read(semaphores, index) != 0;
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
    return attach(fromNative, 0, count);
  }

  /**
   * Checks a buffer handed out by the native library's {@code semaphores0()} and the address of its
   * first byte, as the library reports it ({@code $semaphoresAddress()}).
   *
   * <p>With the address, JDK 24 and later read the semaphores through the foreign memory API once
   * it is initialised, off the start-up path (see {@link SemaphoreMemory}); the address is checked
   * against the buffer before it is ever read.
   *
   * @param fromNative the direct buffer over the library's semaphore array
   * @param address where the library says the array starts, or 0 if it does not say
   * @param count the number of probes the generated class expects
   * @return the array, ready for {@link #isSet}
   * @throws IllegalStateException if the library is not the one the class was generated with, or
   *     the address is not the buffer's
   */
  public static SemaphoreArray attach(ByteBuffer fromNative, long address, int count) {
    if (fromNative == null || !fromNative.isDirect() || fromNative.capacity() < 2 * count) {
      throw new IllegalStateException(
          "probe library does not match its generated class: expected "
              + count
              + " semaphores, got "
              + (fromNative == null ? "none" : fromNative.capacity() / 2)
              + "; rebuild the project so the library and the classes come from one compilation");
    }
    ByteBuffer buffer = fromNative.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    long checked;
    // The lock SemaphoreMemory holds while it moves to the foreign memory read: every array read
    // by address has had its address checked, whether it was attached before the move or after.
    synchronized (ATTACHED) {
      checked = SemaphoreMemory.checkedAddress(buffer, address);
      ATTACHED.put(buffer, checked);
    }
    return new SemaphoreArray(buffer, checked, count);
  }

  /**
   * Semaphores that are never set: every probe of a library that could not be loaded is a no-op.
   *
   * @param count the number of probes
   * @return an array whose semaphores all read as zero
   */
  public static SemaphoreArray none(int count) {
    return new SemaphoreArray(null, 0, count);
  }

  /**
   * Every buffer attach() handed out and its address, for {@link SemaphoreMemory} to check the
   * addresses when it moves to the foreign memory read.
   */
  static Map<ByteBuffer, Long> attachedArrays() {
    synchronized (ATTACHED) {
      return new IdentityHashMap<>(ATTACHED);
    }
  }

  /** The lock attach() holds while it checks and records an array. */
  static Object attachLock() {
    return ATTACHED;
  }

  /** Whether attach() handed out {@code buffer} at {@code address}, with room for {@code count}. */
  static boolean attached(ByteBuffer buffer, long address, int count) {
    Long known = ATTACHED.get(buffer);
    return known != null && known == address && buffer.capacity() >= 2L * count;
  }
}
