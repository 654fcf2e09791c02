package test;

import dev.jusdt.annotations.UsdtProbe;

public interface EnabledMethodTaken {
  @UsdtProbe(provider = "app", name = "fire")
  void fire(long a); // expect: [UsdtNameClash] the generated UsdtEnabledMethodTaken adds isFireEnabled() for probe method test.EnabledMethodTaken#fire, but test.EnabledMethodTaken already has a method isFireEnabled()

  @UsdtProbe(provider = "app", name = "is-fire-enabled")
  void isFireEnabled();
}
