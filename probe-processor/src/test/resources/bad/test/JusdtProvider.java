package test;

import dev.jusdt.annotations.UsdtProbe;

public interface JusdtProvider {
  @UsdtProbe(provider = "JUSDT_PUSH", name = "start") // expect: [UsdtProviderName] provider "JUSDT_PUSH" uses JUSDT_PUSH, a C macro where the probe is compiled
  void start();
}
