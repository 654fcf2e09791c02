package test;

import dev.jusdt.annotations.UsdtProbe;

public interface DollarMethod {
  @UsdtProbe(provider = "app", name = "fire")
  void fire$now(long a); // expect: [UsdtNameClash] probe method test.DollarMethod#fire$now has a $ in its name; the generated UsdtDollarMethod keeps $ for its own members: rename it
}
