package dev.jusdt.bench.probes;

/**
 * The C baseline: the same probes fired {@code n} times in a loop in C, in the same library, the
 * way hand-written C fires them ({@code if (BENCH_LONGS_ENABLED()) BENCH_LONGS(...)}). One JNI
 * call per loop, so divided by {@code n} it is the cost of a probe hit in C.
 */
public final class CLoop {

  static {
    BenchLibrary.require();
  }

  private CLoop() {}

  /**
   * Fires {@code bench:longs(i, 2, 3)} for i in 0..n-1.
   *
   * @param n the number of hits
   */
  public static native void longs(long n);

  /**
   * Fires {@code bench:text(i, 2, "hello, world")} for i in 0..n-1.
   *
   * @param n the number of hits
   */
  public static native void text(long n);

  /**
   * Fires {@code bench:probe-step(PHASE_STEP, tv_sec, tv_nsec)} n times, reading {@code
   * CLOCK_BOOTTIME} for each hit as the generated binding does.
   *
   * @param n the number of hits
   */
  public static native void step(long n);
}
