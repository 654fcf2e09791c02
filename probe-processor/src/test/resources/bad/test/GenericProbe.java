package test;

import dev.jusdt.annotations.UsdtProbe;

public interface GenericProbe {
  @UsdtProbe(provider = "app", name = "a")
  <T> void fire(long a); // expect: [UsdtProbeGeneric] probe method test.GenericProbe#fire must not be generic
}
