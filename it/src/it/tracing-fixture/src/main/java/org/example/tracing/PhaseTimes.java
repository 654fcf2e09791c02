package org.example.tracing;

/**
 * Fires the boot phases 20 ms apart and prints CLOCK_BOOTTIME - CLOCK_MONOTONIC before and after,
 * so that a test can compare the phases' boot time with a tracer's monotonic clock.
 */
final class PhaseTimes {

  private PhaseTimes() {}

  static void run() throws InterruptedException {
    Await.tracer("fixture:boot", FixtureProbes::isBootEnabled);
    System.out.println("offset-before=" + Clocks.bootMinusMonotonic());
    FixtureProbes.boot(Phases.PHASE_INIT);
    Thread.sleep(20);
    FixtureProbes.boot(Phases.PHASE_CONFIGURED);
    Thread.sleep(20);
    FixtureProbes.boot(Phases.PHASE_SERVING);
    System.out.println("offset-after=" + Clocks.bootMinusMonotonic());
    System.out.println("fired the phases");
  }
}
