package dev.jusdt.bench.probes;

/**
 * What a binding without a Java-side semaphore read costs: a JNI call straight into a function
 * holding {@code DTRACE_PROBE3} ({@code src/main/c/baselines.c}), on every call, traced or not.
 */
public final class NaiveBinding {

  static {
    BenchLibrary.require();
  }

  private NaiveBinding() {}

  /**
   * Fires {@code bench:longs(a, b, c)} through JNI, with no check before the call.
   *
   * @param a first argument
   * @param b second argument
   * @param c third argument
   */
  public static native void longs(long a, long b, long c);
}
