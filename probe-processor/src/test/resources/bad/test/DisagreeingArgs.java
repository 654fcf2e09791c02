package test;

import dev.jusdt.annotations.UsdtProbe;

public final class DisagreeingArgs {
  @UsdtProbe(provider = "app", name = "phase", args = 3)
  public static final int PHASE_START = 1;

  @UsdtProbe(provider = "app", name = "phase", args = 2)
  public static final int PHASE_END = 2; // expect: [UsdtProbeConflict] app:phase has 3 arguments at test.DisagreeingArgs#PHASE_START but 2 here; every declaration of a probe must agree
}
