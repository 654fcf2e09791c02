package test;

import dev.jusdt.annotations.UsdtProbe;

public final class PhaseMethodClash {
  @UsdtProbe(provider = "app", name = "request-start", args = 1)
  public static final int PHASE_A = 1;

  @UsdtProbe(provider = "app", name = "requestStart", args = 1)
  public static final int PHASE_B = 2; // expect: [UsdtNameClash] app:request-start and app:requestStart would both get the method requestStart(...) of the generated test.AppProbes; rename one of them
}
