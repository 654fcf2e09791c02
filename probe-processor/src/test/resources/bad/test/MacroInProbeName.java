package test;

import dev.jusdt.annotations.UsdtProbe;

public interface MacroInProbeName {
  @UsdtProbe(provider = "app", name = "read-EOF") // expect: [UsdtProbeName] probe name "read-EOF" uses EOF, a C macro where the probe is compiled
  void readEof();
}
