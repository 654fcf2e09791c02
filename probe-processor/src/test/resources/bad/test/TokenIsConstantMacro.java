package test;

import dev.jusdt.annotations.UsdtProbe;

public final class TokenIsConstantMacro {
  @UsdtProbe(provider = "app", name = "boot", args = 1)
  public static final int PHASE_START = 1;

  @UsdtProbe(provider = "APP_PHASE_START", name = "fork", args = 1)
  public static final int PHASE_FORK = 2; // expect: [UsdtNameClash] APP_PHASE_START:fork uses APP_PHASE_START, the C macro of phase constant test.TokenIsConstantMacro#PHASE_START
}
