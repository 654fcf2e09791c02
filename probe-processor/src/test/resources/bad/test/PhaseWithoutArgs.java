package test;

import dev.jusdt.annotations.UsdtProbe;

public final class PhaseWithoutArgs {
  @UsdtProbe(provider = "app", name = "phase") // expect: [UsdtArgsMissing] set args on phase constant test.PhaseWithoutArgs#PHASE_START
  public static final int PHASE_START = 1;
}
