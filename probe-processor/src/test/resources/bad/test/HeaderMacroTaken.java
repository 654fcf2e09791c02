package test;

import dev.jusdt.annotations.UsdtProbe;

public interface HeaderMacroTaken {
  @UsdtProbe(provider = "clock", name = "realtime")
  void realtime(long nanos); // expect: [UsdtNameClash] clock:realtime becomes the C macro CLOCK_REALTIME, which the headers the generated C includes already define; rename it
}
