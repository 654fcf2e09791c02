package dev.jusdt.bench.startup;

import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import dev.jusdt.runtime.ProbeLibrary;

/**
 * Run in a fresh JVM: prints the nanoseconds the first probe call takes, i.e. from first use of a
 * generated class (its initialisation: find, extract or verify, and load the library; attach its
 * semaphores) to the probe having run. Exits 1 if the library did not load.
 */
public final class FirstProbe {

  private FirstProbe() {}

  /**
   * Fires one probe and prints how long it took.
   *
   * @param args none
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    TypedProbes probes = UsdtTypedProbes.INSTANCE;
    probes.longs(1, 2, 3);
    long nanos = System.nanoTime() - start;
    if (ProbeLibrary.path(BenchLibrary.NAME).isEmpty()) {
      System.err.println("libbench.so was not loaded");
      System.exit(1);
    }
    System.out.println(nanos);
  }
}
