package test;

import dev.jusdt.annotations.UsdtProbe;

public interface MissingProvider {
  @UsdtProbe(name = "tick") // expect: [UsdtProviderName] no provider: set @UsdtProbe(provider = "...") or annotate the enclosing type with @UsdtProvider("...")
  void tick();
}
