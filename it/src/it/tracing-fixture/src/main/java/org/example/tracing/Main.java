package org.example.tracing;

/**
 * Fires known sequences for the tracer tests.
 *
 * <pre>
 * sequence          every typed and phase probe once, with known arguments (waits for a tracer)
 * phases            the boot phases, 20 ms apart, with the clock offset (waits for a tracer)
 * hot               a hot loop firing fixture:hot until standard input closes
 * load THREADS N    N ticks from THREADS threads (waits for a tracer)
 * churn THREADS     ticks from THREADS threads until standard input closes
 * </pre>
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "";
    switch (mode) {
      case "sequence" -> Sequence.run();
      case "phases" -> PhaseTimes.run();
      case "hot" -> HotLoop.run();
      case "load" -> Load.fixed(Integer.parseInt(args[1]), Long.parseLong(args[2]));
      case "churn" -> Load.untilInputCloses(Integer.parseInt(args[1]));
      default -> {
        System.err.println("usage: Main sequence|phases|hot|load THREADS N|churn THREADS");
        System.exit(2);
      }
    }
  }
}
