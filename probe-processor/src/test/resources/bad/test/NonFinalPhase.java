package test;

import dev.jusdt.annotations.UsdtProbe;

public final class NonFinalPhase {
  @UsdtProbe(provider = "app", name = "phase", args = 1)
  public static int PHASE_START = 1; // expect: [UsdtPhaseNotConstant] test.NonFinalPhase#PHASE_START is not static final
}
