package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ArgsOutOfRange {
  @UsdtProbe(provider = "app", name = "many", args = 13) // expect: [UsdtArgsRange] args must be 0..12 (the <sys/sdt.h> maximum), was 13
  void many(long a);
}
