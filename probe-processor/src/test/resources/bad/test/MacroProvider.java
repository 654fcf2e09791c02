package test;

import dev.jusdt.annotations.UsdtProbe;

public final class MacroProvider {
  @UsdtProbe(provider = "linux", name = "boot", args = 1) // expect: [UsdtProviderName] provider "linux" uses linux, a C macro where the probe is compiled (predefined by the compiler
  public static final int PHASE_START = 1;
}
