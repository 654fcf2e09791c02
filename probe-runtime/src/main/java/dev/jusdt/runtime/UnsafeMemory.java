package dev.jusdt.runtime;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/** Semaphore reads through {@code sun.misc.Unsafe}, for JDK 17 to 23. */
final class UnsafeMemory {

  private static final sun.misc.Unsafe UNSAFE;
  private static final long BUFFER_ADDRESS;

  static {
    sun.misc.Unsafe unsafe = null;
    long offset = -1;
    try {
      Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      unsafe = (sun.misc.Unsafe) field.get(null);
      offset = unsafe.objectFieldOffset(Buffer.class.getDeclaredField("address"));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // No jdk.unsupported, or a JDK that hides these: the foreign memory reader is tried next.
      unsafe = null;
    }
    UNSAFE = unsafe;
    BUFFER_ADDRESS = offset;
  }

  private UnsafeMemory() {}

  static boolean works() {
    return UNSAFE != null;
  }

  static long addressOf(ByteBuffer direct) {
    return UNSAFE.getLong(direct, BUFFER_ADDRESS);
  }

  static short read(long address) {
    // Volatile: never hoisted out of a loop; on x86-64 a plain load with no fence.
    return UNSAFE.getShortVolatile(null, address);
  }
}
