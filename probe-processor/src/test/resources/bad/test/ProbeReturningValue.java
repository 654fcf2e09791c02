package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ProbeReturningValue {
  @UsdtProbe(provider = "app", name = "a")
  long fire(long a); // expect: [UsdtProbeReturn] probe method test.ProbeReturningValue#fire must return void
}
