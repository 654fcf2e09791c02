package test;

import dev.jusdt.annotations.UsdtProbe;

public final class ProviderClassClash {
  @UsdtProbe(provider = "my_app", name = "boot", args = 1)
  public static final int PHASE_BOOT = 1;

  @UsdtProbe(provider = "myApp", name = "fork", args = 1)
  public static final int PHASE_FORK = 2; // expect: [UsdtClassClash] provider my_app and provider myApp would both get the generated class test.MyAppProbes; rename one of them
}
