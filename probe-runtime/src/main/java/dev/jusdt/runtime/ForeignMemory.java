package dev.jusdt.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Semaphore reads through the foreign memory API (JDK 22 and later), for JDK 24 and later, where
 * {@code sun.misc.Unsafe} warns: an opaque read with a {@code JAVA_SHORT} {@code VarHandle} at an
 * absolute address of a segment that spans all memory. Both are constants, so the JIT folds the
 * segment's bounds and liveness checks away and one 16-bit load remains, as with {@code Unsafe}.
 *
 * <p>Reached by reflection, since probe-runtime is compiled for Java 17. {@code reinterpret} is a
 * restricted method, like {@code System.load} that loaded the library: {@code
 * --enable-native-access} covers both. Initialising this class takes tens of milliseconds; {@link
 * SemaphoreMemory} does it on a thread of its own, and must not so much as call a static method of
 * this class before.
 */
final class ForeignMemory {

  private static final Object ALL_MEMORY;
  private static final VarHandle SHORT;
  private static final Method OF_BUFFER;
  private static final Method ADDRESS;

  static {
    Object all = null;
    VarHandle handle = null;
    Method ofBuffer = null;
    Method address = null;
    try {
      Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layout = Class.forName("java.lang.foreign.ValueLayout");
      Object none = segment.getField("NULL").get(null);
      all = segment.getMethod("reinterpret", long.class).invoke(none, Long.MAX_VALUE);
      Object javaShort = layout.getField("JAVA_SHORT").get(null);
      // (MemorySegment, long offset), the offset here being the absolute address.
      handle = (VarHandle) layout.getMethod("varHandle").invoke(javaShort);
      // Bound to the segment: (long)short is then the exact type of read's call site, which the
      // JIT links straight to the access; (Object, long) against (MemorySegment, long) went through
      // asType adaptation, which some compilations left as a call.
      handle = (VarHandle) MethodHandles.class
          .getMethod("insertCoordinates", VarHandle.class, int.class, Object[].class)
          .invoke(null, handle, 0, new Object[] {all});
      ofBuffer = segment.getMethod("ofBuffer", java.nio.Buffer.class);
      address = segment.getMethod("address");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Before JDK 22, or native access denied: works() says no and the ByteBuffer read stays.
      all = null;
    }
    ALL_MEMORY = all;
    SHORT = handle;
    OF_BUFFER = ofBuffer;
    ADDRESS = address;
  }

  private ForeignMemory() {}

  /** Whether it initialised; the first call pays for the initialisation. */
  static boolean works() {
    return ALL_MEMORY != null;
  }

  /** The address of a direct buffer's first byte. */
  static long addressOf(ByteBuffer direct) {
    try {
      return (Long) ADDRESS.invoke(OF_BUFFER.invoke(null, direct));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot tell the address of " + direct, e);
    }
  }

  static short read(long address) {
    // Opaque: never hoisted out of a loop nor merged with an earlier read.
    return (short) SHORT.getOpaque(address);
  }
}
