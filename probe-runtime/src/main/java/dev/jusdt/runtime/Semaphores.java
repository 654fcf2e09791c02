package dev.jusdt.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the SDT semaphores of a probe library from Java, so that a probe with no tracer attached
 * never crosses into native code.
 *
 * <p>A tracer (the kernel, for uprobes with a reference counter, or bcc/bpftrace writing through
 * {@code /proc/PID/mem}) increments a probe's {@code unsigned short} semaphore in the library's
 * {@code .probes} section while it is attached. Generated classes hold a direct buffer over that
 * array and ask {@link #isSet} before each firing.
 */
public final class Semaphores {

  /*
   * An opaque read: the JIT may neither hoist it out of a running loop nor merge it with an
   * earlier read, so a compiled loop sees a tracer attach and detach; on x86-64 it compiles to a
   * plain 16-bit load with no fence.
   */
  private static final VarHandle SHORT =
      MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());

  private Semaphores() {}

  /**
   * Whether the semaphore at {@code index} is non-zero, i.e. a tracer is attached to that probe.
   *
   * @param semaphores a buffer from {@link #attach} or {@link #none}
   * @param index the probe's semaphore index, as assigned by the processor
   */
  public static boolean isSet(ByteBuffer semaphores, int index) {
    return (short) SHORT.getOpaque(semaphores, index << 1) != 0;
  }

  /**
   * Checks a buffer handed out by the native library's {@code semaphores0()} and orders it
   * natively.
   *
   * @param fromNative the direct buffer over the library's semaphore array
   * @param count the number of probes the generated class expects
   * @return the buffer, ready for {@link #isSet}
   * @throws IllegalStateException if the library is not the one the class was generated with
   */
  public static ByteBuffer attach(ByteBuffer fromNative, int count) {
    if (fromNative == null || !fromNative.isDirect() || fromNative.capacity() < 2 * count) {
      throw new IllegalStateException(
          "probe library does not match its generated class: expected "
              + count
              + " semaphores, got "
              + (fromNative == null ? "none" : fromNative.capacity() / 2)
              + "; rebuild the project so the library and the classes come from one compilation");
    }
    return fromNative.order(ByteOrder.nativeOrder());
  }

  /**
   * Semaphores that are never set: every probe of a library that could not be loaded is a no-op.
   *
   * @param count the number of probes
   * @return a buffer of zeros
   */
  public static ByteBuffer none(int count) {
    // Direct, like a loaded library's, so call sites see one buffer class either way.
    return ByteBuffer.allocateDirect(Math.max(2, 2 * count)).order(ByteOrder.nativeOrder());
  }
}
