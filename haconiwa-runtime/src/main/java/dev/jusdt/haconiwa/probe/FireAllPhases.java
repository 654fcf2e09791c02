package dev.jusdt.haconiwa.probe;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Fires every phase once, in boot order, as a container boot would: the parent's phases from
 * Java, the child's from hand-written C through the generated header. For tests and for trying a
 * tracer: {@code java -cp haconiwa-runtime.jar dev.jusdt.haconiwa.probe.FireAllPhases}.
 */
public final class FireAllPhases {

  private FireAllPhases() {}

  /**
   * Fires every phase once and prints where the probe library was loaded from.
   *
   * @param args {@code --repeat N} fires the whole sequence N times, 100 ms apart
   * @throws InterruptedException if interrupted between repetitions
   */
  public static void main(String[] args) throws InterruptedException {
    int repeat = args.length == 2 && args[0].equals("--repeat") ? Integer.parseInt(args[1]) : 1;
    for (int i = 0; i < repeat; i++) {
      if (i > 0) {
        Thread.sleep(100);
      }
      fireAll();
    }
    report(System.out);
  }

  /** Fires every phase once, in boot order. */
  public static void fireAll() {
    HaconiwaProbes.probeBoottime(Phases.PHASE_CLI_START);
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_SV);
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_CREATE_NETWORK);
    HaconiwaProbes.probeBoottime(Phases.PHASE_END_CREATE_NETWORK);
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_FORK);
    ChildPhases.fireAll();
    HaconiwaProbes.probeBoottime(Phases.PHASE_END_SETUP);
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_WAIT);
    HaconiwaProbes.probeMisc(Phases.PHASE_USER_1, 42L);
    HaconiwaProbes.probeMisc(Phases.PHASE_USER_2, "hook: hello from the container file");
    HaconiwaProbes.probeBoottime(Phases.PHASE_END_WAIT);
    HaconiwaProbes.probeBoottime(Phases.PHASE_CLEANUP);
  }

  private static void report(PrintStream out) {
    Optional<java.nio.file.Path> path = dev.jusdt.runtime.ProbeLibrary.path("haconiwa");
    out.println(
        path.map(p -> "fired every haconiwa phase; probe library: " + p)
            .orElse("fired every haconiwa phase; probe library not loaded, probes were no-ops"));
  }
}
