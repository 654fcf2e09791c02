package org.example.bad;

import dev.jusdt.annotations.UsdtProbe;

public final class Phases {
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 13)
  public static final int PHASE_START_SV = 1;

  private Phases() {}
}
