package org.example.tracing;

/** The clocks of this process, read in the probe library's hand-written C. */
final class Clocks {

  private Clocks() {}

  /** CLOCK_BOOTTIME minus CLOCK_MONOTONIC, in nanoseconds: the time spent suspended. */
  static long bootMinusMonotonic() {
    // Loads the probe library, which holds the native method.
    FixtureProbes.isBootEnabled();
    return bootMinusMonotonic0();
  }

  private static native long bootMinusMonotonic0();
}
