package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ArgsDisagreeWithParameters {
  @UsdtProbe(provider = "app", name = "a", args = 2) // expect: [UsdtArgsMismatch] args = 2 but test.ArgsDisagreeWithParameters#fire has 1 parameters
  void fire(long a);
}
