package dev.jusdt.bench.jmh;

import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.BenchProbes;
import dev.jusdt.bench.probes.DisabledEvent;
import dev.jusdt.bench.probes.NaiveBinding;
import dev.jusdt.bench.probes.Phases;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a probe costs while no tracer is attached, next to the baselines of the issue: an empty
 * method, the naive JNI binding, and a JFR event committed while JFR records nothing.
 *
 * <p>The arguments come from fields, so the JIT cannot fold them; the probes are reached through
 * {@code static final} fields, as an application holds them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DisabledProbes {

  private static final TypedProbes PROBES = UsdtTypedProbes.INSTANCE;

  /* The semaphore read of jusdt 0.1.0 before this benchmark, for comparison. */
  private static final VarHandle SHORT =
      MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
  private static final ByteBuffer SEMAPHORE =
      ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

  /** First argument. */
  public long a = 1;

  /** Second argument. */
  public long b = 2;

  /** Third argument. */
  public long c = 3;

  /** The String argument. */
  public String text = "hello, world";

  /**
   * Fails the run if the library is missing (the probes would be no-ops for another reason) or a
   * tracer is attached (the figures would not be the disabled ones).
   */
  @Setup
  public void libraryIsLoadedAndUntraced() {
    BenchLibrary.require();
    if (UsdtTypedProbes.INSTANCE.isLongsEnabled()
        || UsdtTypedProbes.INSTANCE.isTextEnabled()
        || BenchProbes.isProbeStepEnabled()) {
      throw new IllegalStateException("a tracer is attached to bench probes; detach it first");
    }
  }

  /** The baseline: a benchmark method that does nothing. */
  @Benchmark
  public void emptyMethod() {}

  /** {@code bench:probe-step}, a phase-constant probe with {@code args = 3}. */
  @Benchmark
  public void phaseProbe() {
    BenchProbes.probeStep(Phases.PHASE_STEP);
  }

  /** {@code bench:longs(a, b, c)}, a typed probe of three longs. */
  @Benchmark
  public void longsProbe() {
    PROBES.longs(a, b, c);
  }

  /** {@code bench:text(a, b, text)}: no bytes of the String are built while disabled. */
  @Benchmark
  public void stringProbe() {
    PROBES.text(a, b, text);
  }

  /** The naive binding: a JNI call into {@code DTRACE_PROBE3} with no semaphore check. */
  @Benchmark
  public void naiveJniCall() {
    NaiveBinding.longs(a, b, c);
  }

  /**
   * The earlier semaphore check: an opaque read through a {@code ByteBuffer} view {@code
   * VarHandle}, whose buffer address and limit the JIT must reload and check on every call.
   */
  @Benchmark
  public boolean byteBufferSemaphoreRead() {
    return (short) SHORT.getOpaque(SEMAPHORE, 2) != 0;
  }

  /** A disabled JFR event with the same three values. */
  @Benchmark
  public void disabledJfrEvent() {
    DisabledEvent event = new DisabledEvent();
    event.a = a;
    event.b = b;
    event.c = c;
    event.commit();
  }
}
