package test;

import dev.jusdt.annotations.UsdtProbe;

public interface DisagreeingMethods {
  @UsdtProbe(provider = "app", name = "request")
  void first(long id);

  @UsdtProbe(provider = "app", name = "request")
  void second(int id); // expect: [UsdtProbeConflict] app:request takes [long] at test.DisagreeingMethods#first but [int] here
}
