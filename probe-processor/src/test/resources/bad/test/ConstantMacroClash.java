package test;

import dev.jusdt.annotations.UsdtProbe;

public final class ConstantMacroClash {
  @UsdtProbe(provider = "app", name = "parent", args = 3)
  public static final int PHASE_START = 1;

  public static final class Child {
    @UsdtProbe(provider = "app", name = "child", args = 3)
    public static final int PHASE_START = 11; // expect: [UsdtNameClash] test.ConstantMacroClash#PHASE_START (1) and test.ConstantMacroClash.Child#PHASE_START (11) both become the C macro APP_PHASE_START with different values; rename one
  }
}
