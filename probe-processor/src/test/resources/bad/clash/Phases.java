package clash;

import dev.jusdt.annotations.UsdtProbe;

public final class Phases {
  @UsdtProbe(provider = "app", name = "phase", args = 1)
  public static final int PHASE_START = 1; // expect: [UsdtClassClash] the generated class clash.AppProbes would replace a class of that name
}
