package test;

import dev.jusdt.annotations.UsdtProbe;

public interface GenericProbeType<T> {
  @UsdtProbe(provider = "app", name = "a")
  void fire(long a); // expect: [UsdtProbeGeneric] probe type test.GenericProbeType must not be generic
}
