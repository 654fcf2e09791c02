package test;

import dev.jusdt.annotations.UsdtProbe;

public interface OverloadedProbe {
  @UsdtProbe(provider = "app", name = "a")
  void fire(long a); // expect: [UsdtProbeOverloaded] probe method test.OverloadedProbe#fire is overloaded

  @UsdtProbe(provider = "app", name = "b")
  void fire(int b);
}
