package test;

import dev.jusdt.annotations.UsdtProbe;

public final class NonIntegralPhase {
  @UsdtProbe(provider = "app", name = "phase", args = 1)
  public static final double PHASE_START = 1.5; // expect: [UsdtPhaseType] test.NonIntegralPhase#PHASE_START has type double: a phase constant must be integral
}
