package test;

import dev.jusdt.annotations.UsdtProbe;

public final class TrailingDashProbeName {
  @UsdtProbe(provider = "app", name = "probe-", args = 1) // expect: [UsdtProbeName] probe name "probe-" cannot be used by tracers
  public static final int PHASE_START = 1;
}
