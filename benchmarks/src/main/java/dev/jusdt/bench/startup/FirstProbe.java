package dev.jusdt.bench.startup;

import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import dev.jusdt.runtime.ProbeLibrary;

/**
 * Run in a fresh JVM: prints two figures in nanoseconds, both from the first use of a generated
 * class. First, until its library is loaded: what the class's initialiser does first ({@code
 * ProbeLibrary.load}: find, extract or verify, and load the library), called here directly so its
 * end can be timed. Second, until its first probe has run: that, then the rest of the class's
 * initialisation (attaching the semaphores) and the probe call itself. Exits 1 if the library did
 * not load.
 */
public final class FirstProbe {

  private FirstProbe() {}

  /**
   * Loads the library, fires one probe and prints how long each took from the start.
   *
   * @param args none
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    boolean loaded = ProbeLibrary.load(BenchLibrary.NAME, UsdtTypedProbes.class);
    long libraryLoaded = System.nanoTime();
    TypedProbes probes = UsdtTypedProbes.INSTANCE;
    probes.longs(1, 2, 3);
    long probeFired = System.nanoTime();
    if (!loaded || ProbeLibrary.path(BenchLibrary.NAME).isEmpty()) {
      System.err.println("libbench.so was not loaded");
      System.exit(1);
    }
    System.out.println((libraryLoaded - start) + " " + (probeFired - start));
  }
}
