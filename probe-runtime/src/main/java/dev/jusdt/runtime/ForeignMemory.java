package dev.jusdt.runtime;

import java.lang.invoke.VarHandle;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * Semaphore reads through the foreign memory API (final in JDK 22), reached by reflection
 * because this library is compiled for JDK 17.
 *
 * <p>One segment spans all memory, so a semaphore's address is a constant offset into a constant
 * segment and the bounds check folds away. Making it ({@code MemorySegment.reinterpret}) is a
 * restricted operation, like the {@code System.load} of the library itself, and needs the same
 * {@code --enable-native-access}.
 */
final class ForeignMemory {

  private static final Object EVERYTHING;
  private static final VarHandle SHORT;
  private static final java.lang.reflect.Method OF_BUFFER;
  private static final java.lang.reflect.Method ADDRESS;

  static {
    Object everything = null;
    VarHandle handle = null;
    java.lang.reflect.Method ofBuffer = null;
    java.lang.reflect.Method address = null;
    if (Runtime.version().feature() >= 22) {
      try {
        Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
        everything = segment.getMethod("reinterpret", long.class)
            .invoke(segment.getField("NULL").get(null), Long.MAX_VALUE);
        Object javaShort = Class.forName("java.lang.foreign.ValueLayout")
            .getField("JAVA_SHORT").get(null);
        handle = (VarHandle) Class.forName("java.lang.foreign.ValueLayout$OfShort")
            .getMethod("varHandle").invoke(javaShort);
        ofBuffer = segment.getMethod("ofBuffer", Buffer.class);
        address = segment.getMethod("address");
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // Native access denied, say: then System.load is denied too and nothing is attached.
        everything = null;
        handle = null;
      }
    }
    EVERYTHING = everything;
    SHORT = handle;
    OF_BUFFER = ofBuffer;
    ADDRESS = address;
  }

  private ForeignMemory() {}

  static boolean works() {
    return SHORT != null;
  }

  static long addressOf(ByteBuffer direct) {
    try {
      return (long) ADDRESS.invoke(OF_BUFFER.invoke(null, direct));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot find the address of the semaphore array: " + e, e);
    }
  }

  static short read(long address) {
    // Opaque: never hoisted out of a loop nor merged with an earlier read; a plain load.
    return (short) SHORT.getOpaque(EVERYTHING, address);
  }
}
