package test;

import dev.jusdt.annotations.UsdtProbe;

public interface CaseOnlyMethods {
  @UsdtProbe(provider = "app", name = "lower")
  void fire(long a);

  @UsdtProbe(provider = "app", name = "upper")
  void Fire(long a); // expect: [UsdtNameClash] probe methods fire and Fire would both get the generated isFireEnabled(); rename one of them
}
