package org.example.strings;

import dev.jusdt.annotations.UsdtProbe;

/** A phase probe with a value, fired with longs and Strings. */
public final class Phases {

  @UsdtProbe(provider = "strs", name = "loop", args = 2)
  public static final int PHASE_LOOP = 7;

  private Phases() {}
}
