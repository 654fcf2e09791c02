package dev.jusdt.bench.probes;

import dev.jusdt.annotations.UsdtProbe;

/**
 * A phase-constant probe, as the source document declares them: {@code bench:probe-step(phase,
 * tv_sec, tv_nsec)}, fired by the generated {@code BenchProbes.probeStep}.
 */
public final class Phases {

  /** The one phase the benchmarks fire. */
  @UsdtProbe(provider = "bench", name = "probe-step", args = 3)
  public static final int PHASE_STEP = 1;

  private Phases() {}
}
