package test;

import dev.jusdt.annotations.UsdtProbe;

public final class DashedProvider {
  @UsdtProbe(provider = "my-app", name = "phase", args = 1) // expect: [UsdtProviderName] provider "my-app" is not a C identifier
  public static final int PHASE_START = 1;
}
