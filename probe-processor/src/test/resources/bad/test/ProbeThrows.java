package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ProbeThrows {
  @UsdtProbe(provider = "app", name = "a")
  void fire(long a) throws Exception; // expect: [UsdtProbeThrows] probe method test.ProbeThrows#fire must not declare exceptions
}
