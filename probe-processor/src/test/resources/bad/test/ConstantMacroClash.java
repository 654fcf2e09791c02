package test;

import dev.jusdt.annotations.UsdtProbe;

public final class ConstantMacroClash {
  @UsdtProbe(provider = "app", name = "start", args = 1)
  public static final int START = 1; // expect: [UsdtNameClash] app:start and phase constant test.ConstantMacroClash#START both become the C macro APP_START; rename one of them
}
