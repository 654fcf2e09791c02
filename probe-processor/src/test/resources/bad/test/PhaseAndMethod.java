package test;

import dev.jusdt.annotations.UsdtProbe;

public abstract class PhaseAndMethod {
  @UsdtProbe(provider = "app", name = "start", args = 1)
  public static final int PHASE_START = 1;

  @UsdtProbe(provider = "app", name = "start")
  public abstract void start(long phase); // expect: [UsdtProbeConflict] app:start is declared as a phase constant at test.PhaseAndMethod#PHASE_START and as a method here; use one form
}
