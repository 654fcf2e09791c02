package org.example.strings;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

/** Probes whose String arguments the tests trace. */
@UsdtProvider("strs")
public interface TextProbes {

  /** One string; {@code id} says which case it is. */
  @UsdtProbe(name = "text")
  void text(long id, String value);

  /** Two strings at once, each copied on its own. */
  @UsdtProbe(name = "pair")
  void pair(long id, String first, String second);
}
