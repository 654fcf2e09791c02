package org.example.tracing;

import dev.jusdt.annotations.UsdtProbe;

/** Phase constants of each layout: with the boot time, alone, and with a value. */
public final class Phases {
  @UsdtProbe(provider = "fixture", name = "boot", args = 3)
  public static final int PHASE_INIT = 1;

  @UsdtProbe(provider = "fixture", name = "boot", args = 3)
  public static final int PHASE_CONFIGURED = 2;

  @UsdtProbe(provider = "fixture", name = "boot", args = 3)
  public static final int PHASE_SERVING = 3;

  @UsdtProbe(provider = "fixture", name = "step", args = 1)
  public static final int STEP_BEGIN = 10;

  @UsdtProbe(provider = "fixture", name = "step", args = 1)
  public static final int STEP_END = 11;

  @UsdtProbe(provider = "fixture", name = "note", args = 2)
  public static final int NOTE_COUNT = 20;

  @UsdtProbe(provider = "fixture", name = "note", args = 2)
  public static final int NOTE_TEXT = 21;

  private Phases() {}
}
