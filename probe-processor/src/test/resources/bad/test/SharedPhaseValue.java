package test;

import dev.jusdt.annotations.UsdtProbe;

public final class SharedPhaseValue {
  @UsdtProbe(provider = "app", name = "phase", args = 3)
  public static final int PHASE_NAMESPACE = 12;

  @UsdtProbe(provider = "app", name = "phase", args = 3)
  public static final int PHASE_FILESYSTEM = 12; // expect: [UsdtPhaseDuplicate] test.SharedPhaseValue#PHASE_NAMESPACE and test.SharedPhaseValue#PHASE_FILESYSTEM of app:phase both have the value 12; give each phase its own number
}
