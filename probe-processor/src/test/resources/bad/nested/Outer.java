package nested;

import dev.jusdt.annotations.UsdtProbe;

public interface Outer {
  interface Probes {
    @UsdtProbe(provider = "app", name = "a")
    void fire(long a); // expect: [UsdtClassClash] type nested.Outer_Probes and type nested.Outer.Probes would both get the generated class nested.UsdtOuter_Probes; rename one of them
  }
}
