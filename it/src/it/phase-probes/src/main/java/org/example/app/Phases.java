package org.example.app;

import dev.jusdt.annotations.UsdtProbe;

public final class Phases {
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_SV = 1;

  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_FORK = 2;

  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_START = 11;

  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_EXECING = 21;

  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_1 = 123;

  private Phases() {}
}
