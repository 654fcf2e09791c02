package dev.jusdt.bench.jmh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SemaphoreReads {
  static final ByteBuffer BB = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
  static final VarHandle SHORT =
      MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
  static final sun.misc.Unsafe U;
  static final long ADDRESS;
  static {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      U = (sun.misc.Unsafe) f.get(null);
      ADDRESS = U.getLong(BB, U.objectFieldOffset(Buffer.class.getDeclaredField("address")));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final Object EVERYTHING;
  static final VarHandle FFM_SHORT;
  static {
    Object everything = null;
    VarHandle handle = null;
    if (Runtime.version().feature() >= 22) {
      try {
        Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
        Object nul = segment.getField("NULL").get(null);
        everything = segment.getMethod("reinterpret", long.class).invoke(nul, Long.MAX_VALUE);
        Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
        Object javaShort = valueLayout.getField("JAVA_SHORT").get(null);
        handle = (VarHandle) Class.forName("java.lang.foreign.ValueLayout$OfShort")
            .getMethod("varHandle").invoke(javaShort);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
    EVERYTHING = everything;
    FFM_SHORT = handle;
  }
  static final long ADDR_CONST = ADDRESS;

  @Benchmark public void ffmOpaque() {
    if (FFM_SHORT != null && (short) FFM_SHORT.getOpaque(EVERYTHING, ADDR_CONST + 2) != 0) {
      throw new AssertionError();
    }
  }

  @Benchmark public void empty() {}

  @Benchmark public void opaque() {
    if ((short) SHORT.getOpaque(BB, 2) != 0) { throw new AssertionError(); }
  }
  @Benchmark public void volatileRead() {
    if ((short) SHORT.getVolatile(BB, 2) != 0) { throw new AssertionError(); }
  }
  @Benchmark public void plainVarHandle() {
    if ((short) SHORT.get(BB, 2) != 0) { throw new AssertionError(); }
  }
  @Benchmark public void plainGetShort() {
    if (BB.getShort(2) != 0) { throw new AssertionError(); }
  }
  @Benchmark public void unsafeVolatile() {
    if (U.getShortVolatile(null, ADDRESS + 2) != 0) { throw new AssertionError(); }
  }
}
