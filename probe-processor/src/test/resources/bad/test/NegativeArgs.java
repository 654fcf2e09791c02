package test;

import dev.jusdt.annotations.UsdtProbe;

public interface NegativeArgs {
  @UsdtProbe(provider = "app", name = "a", args = -1) // expect: [UsdtArgsRange] args must be 0..12 (the <sys/sdt.h> maximum), was -1
  void fire(long a);
}
