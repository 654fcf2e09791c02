package test;

import dev.jusdt.annotations.UsdtProbe;

public class InnerProbeClass {
  public abstract class Probes {
    @UsdtProbe(provider = "app", name = "a")
    public abstract void fire(long a); // expect: [UsdtProbeOwner] probe type test.InnerProbeClass.Probes must be a top-level or static nested type that is not private
  }
}
