package test;

import dev.jusdt.annotations.UsdtProbe;

public final class NotCompileTimeConstant {
  @UsdtProbe(provider = "app", name = "phase", args = 1)
  public static final int PHASE_START = Integer.parseInt("1"); // expect: [UsdtPhaseNotConstant] test.NotCompileTimeConstant#PHASE_START has no compile-time constant value
}
