package test;

import dev.jusdt.annotations.UsdtProbe;

public class ProbeInConcreteClass {
  @UsdtProbe(provider = "app", name = "a")
  public void fire(long a) {} // expect: [UsdtProbeOwner] probe method fire must be declared in an interface or abstract class
}
