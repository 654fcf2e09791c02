package test;

import dev.jusdt.annotations.UsdtProbe;

public final class PhaseWithFourArgs {
  @UsdtProbe(provider = "app", name = "phase", args = 4) // expect: [UsdtPhaseArgs] a phase constant's probe takes 1 (phase), 2 (phase, value) or 3 (phase, tv_sec, tv_nsec) arguments, was 4
  public static final int PHASE_START = 1;
}
