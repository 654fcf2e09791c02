package test;

import dev.jusdt.annotations.UsdtProbe;

public interface UnannotatedAbstractMethod {
  @UsdtProbe(provider = "app", name = "a")
  void fire(long a);

  void other(); // expect: [UsdtProbeOwner] abstract method other of probe type test.UnannotatedAbstractMethod has no @UsdtProbe
}
