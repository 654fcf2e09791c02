package test;

import dev.jusdt.annotations.UsdtProbe;

public final class SpaceInProbeName {
  @UsdtProbe(provider = "app", name = "probe boot", args = 1) // expect: [UsdtProbeName] probe name "probe boot" cannot be used by tracers
  public static final int PHASE_START = 1;
}
