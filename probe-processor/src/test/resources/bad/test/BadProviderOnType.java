package test;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

@UsdtProvider("my app")
public interface BadProviderOnType {
  @UsdtProbe(name = "tick") // expect: [UsdtProviderName] provider "my app" is not a C identifier
  void tick();
}
