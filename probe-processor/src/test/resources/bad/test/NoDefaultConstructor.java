package test;

import dev.jusdt.annotations.UsdtProbe;

public abstract class NoDefaultConstructor {
  NoDefaultConstructor(int unused) {}

  @UsdtProbe(provider = "app", name = "a")
  public abstract void fire(long a); // expect: [UsdtProbeOwner] abstract probe class test.NoDefaultConstructor needs a constructor without parameters that is not private
}
