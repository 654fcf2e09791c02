package test;

import dev.jusdt.annotations.UsdtProbe;

public interface DefaultMethodProbe {
  @UsdtProbe(provider = "app", name = "a")
  default void fire(long a) {} // expect: [UsdtProbeNotAbstract] probe method test.DefaultMethodProbe#fire must be abstract
}
