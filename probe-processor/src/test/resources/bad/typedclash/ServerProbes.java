package typedclash;

import dev.jusdt.annotations.UsdtProbe;

public interface ServerProbes {
  @UsdtProbe(provider = "app", name = "a")
  void fire(long a); // expect: [UsdtClassClash] the generated class typedclash.UsdtServerProbes would replace a class of that name
}
