package test;

import dev.jusdt.annotations.UsdtProbe;

public interface UnsupportedParameter {
  @UsdtProbe(provider = "app", name = "ratio")
  void ratio(double value); // expect: [UsdtArgType] parameter value of test.UnsupportedParameter#ratio has type double; probes take long, int, short, byte, char, boolean or String
}
