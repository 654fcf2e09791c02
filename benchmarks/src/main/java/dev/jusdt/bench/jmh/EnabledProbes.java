package dev.jusdt.bench.jmh;

import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.BenchProbes;
import dev.jusdt.bench.probes.CLoop;
import dev.jusdt.bench.probes.NaiveBinding;
import dev.jusdt.bench.probes.Phases;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a probe hit costs with bpftrace attached (by pid, to each benchmark fork), next to the
 * same probes fired from a loop in C in the same library. The uprobe trap dominates both; the
 * difference is what the Java binding adds (semaphore read, JNI transition, String copy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnabledProbes {

  /** Hits per call of a C loop. */
  static final int C_LOOP_HITS = 1000;

  private static final TypedProbes PROBES = UsdtTypedProbes.INSTANCE;

  /** First argument. */
  public long a = 1;

  /** Second argument. */
  public long b = 2;

  /** Third argument. */
  public long c = 3;

  /** The String argument, as the C loop's. */
  public String text = "hello, world";

  private Bpftrace tracer;

  /** Attaches bpftrace to this fork and waits until it has enabled every probe. */
  @Setup(Level.Trial)
  public void attach() throws Exception {
    tracer =
        Bpftrace.attach(
            BenchLibrary.require(),
            "bench",
            List.of("longs", "text", "probe-step"),
            () -> UsdtTypedProbes.INSTANCE.isLongsEnabled()
                && UsdtTypedProbes.INSTANCE.isTextEnabled()
                && BenchProbes.isProbeStepEnabled());
  }

  /** Detaches bpftrace; its hit counts go to the fork's output. */
  @TearDown(Level.Trial)
  public void detach() throws Exception {
    tracer.close();
  }

  /** {@code bench:probe-step}: phase-constant, CLOCK_BOOTTIME read in native code. */
  @Benchmark
  public void phaseProbe() {
    BenchProbes.probeStep(Phases.PHASE_STEP);
  }

  /** {@code bench:longs(a, b, c)} from Java. */
  @Benchmark
  public void longsProbe() {
    PROBES.longs(a, b, c);
  }

  /** {@code bench:text(a, b, text)} from Java: UTF-8 encoding and a copy to the C stack. */
  @Benchmark
  public void stringProbe() {
    PROBES.text(a, b, text);
  }

  /** The naive binding while traced: JNI and the hit, no semaphore read. */
  @Benchmark
  public void naiveJniCall() {
    NaiveBinding.longs(a, b, c);
  }

  /** The C baseline for {@code bench:longs}: one hit of a loop in C. */
  @Benchmark
  @OperationsPerInvocation(C_LOOP_HITS)
  public void cLoopLongs() {
    CLoop.longs(C_LOOP_HITS);
  }

  /** The C baseline for {@code bench:probe-step}: one hit of a loop in C, with its clock read. */
  @Benchmark
  @OperationsPerInvocation(C_LOOP_HITS)
  public void cLoopPhase() {
    CLoop.step(C_LOOP_HITS);
  }

  /** The C baseline for {@code bench:text}: one hit of a loop in C, a constant C string. */
  @Benchmark
  @OperationsPerInvocation(C_LOOP_HITS)
  public void cLoopString() {
    CLoop.text(C_LOOP_HITS);
  }
}
