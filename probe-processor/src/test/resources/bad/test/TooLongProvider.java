package test;

import dev.jusdt.annotations.UsdtProbe;

public final class TooLongProvider {
  @UsdtProbe(provider = "p1234567890123456789012345678901234567890123456789012345678901_65", name = "phase", args = 1) // expect: [UsdtProviderName] provider "p1234567890123456789012345678901234567890123456789012345678901_65" is 65 characters long; tracers (perf) accept at most 64
  public static final int PHASE_START = 1;
}
