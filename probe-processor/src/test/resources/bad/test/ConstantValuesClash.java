package test;

import dev.jusdt.annotations.UsdtProbe;

public final class ConstantValuesClash {
  @UsdtProbe(provider = "app", name = "boot", args = 1)
  public static final int PHASE_START = 1;

  @UsdtProbe(provider = "app", name = "fork", args = 1)
  public static final int phase_start = 2; // expect: [UsdtNameClash] phase constant test.ConstantValuesClash#PHASE_START and phase constant test.ConstantValuesClash#phase_start both become the C macro APP_PHASE_START
}
