package test;

import dev.jusdt.annotations.UsdtProbe;

public final class TooLongProbeName {
  @UsdtProbe(provider = "app", name = "p1234567890123456789012345678901234567890123456789012345678901_65", args = 1) // expect: [UsdtProbeName] probe name "p1234567890123456789012345678901234567890123456789012345678901_65" is 65 characters long; tracers (perf) accept at most 64
  public static final int PHASE_START = 1;
}
