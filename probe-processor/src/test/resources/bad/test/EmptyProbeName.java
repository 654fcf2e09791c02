package test;

import dev.jusdt.annotations.UsdtProbe;

public final class EmptyProbeName {
  @UsdtProbe(provider = "app", name = "", args = 1) // expect: [UsdtProbeName] probe name is empty: set @UsdtProbe(name = "...")
  public static final int PHASE_START = 1;
}
