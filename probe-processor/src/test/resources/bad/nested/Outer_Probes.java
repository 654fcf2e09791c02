package nested;

import dev.jusdt.annotations.UsdtProbe;

public interface Outer_Probes {
  @UsdtProbe(provider = "app", name = "b")
  void other(long b);
}
