package dev.jusdt.bench.jmh;

import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.BenchProbes;
import dev.jusdt.bench.probes.ForcedSemaphores;
import dev.jusdt.bench.probes.NaiveBinding;
import dev.jusdt.bench.probes.Phases;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The enabled path of each binding without the uprobe trap: semaphores set from C
 * ({@link ForcedSemaphores}), no tracer attached, so every probe site is the nop it is when
 * disabled. What a hit costs from Java on top of the same hit from C is this, minus the C loop's
 * few cycles; it is measured here in nanoseconds, where the trap's microseconds of noise would
 * bury it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BindingCost {

  private static final TypedProbes PROBES = UsdtTypedProbes.INSTANCE;

  /** First argument. */
  public long a = 1;

  /** Second argument. */
  public long b = 2;

  /** Third argument. */
  public long c = 3;

  /** The String argument. */
  public String text = "hello, world";

  /** Sets every semaphore; fails if it did not take (the figures would be the disabled ones). */
  @Setup(Level.Trial)
  public void enable() {
    BenchLibrary.require();
    ForcedSemaphores.set(1);
    if (!UsdtTypedProbes.INSTANCE.isLongsEnabled() || !BenchProbes.isProbeStepEnabled()) {
      throw new IllegalStateException("semaphores did not read as set");
    }
  }

  /** Clears them again. */
  @TearDown(Level.Trial)
  public void disable() {
    ForcedSemaphores.set(0);
  }

  /** {@code bench:longs(a, b, c)}: semaphore read, JNI call, nop. */
  @Benchmark
  public void longsProbe() {
    PROBES.longs(a, b, c);
  }

  /** {@code bench:probe-step}: also reads {@code CLOCK_BOOTTIME} in C. */
  @Benchmark
  public void phaseProbe() {
    BenchProbes.probeStep(Phases.PHASE_STEP);
  }

  /** {@code bench:text(a, b, text)}: also encodes the String and copies it to the C stack. */
  @Benchmark
  public void stringProbe() {
    PROBES.text(a, b, text);
  }

  /** The naive binding: JNI call, nop. */
  @Benchmark
  public void naiveJniCall() {
    NaiveBinding.longs(a, b, c);
  }
}
