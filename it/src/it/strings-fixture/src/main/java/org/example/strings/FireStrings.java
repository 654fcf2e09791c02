package org.example.strings;

/**
 * Waits for a tracer, then fires {@code strs:text} and {@code strs:pair} with the String arguments
 * that are hard on native code: null, empty, 1 MiB, unpaired surrogates, an embedded NUL, a
 * character outside the BMP, and lengths around the 256-byte stack buffer.
 */
public final class FireStrings {

  /** 1 MiB: 'a's, then "END" as the last three bytes. */
  static final String MEBIBYTE = "a".repeat((1 << 20) - 3) + "END";

  private FireStrings() {}

  public static void main(String[] args) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!UsdtTextProbes.INSTANCE.isTextEnabled() || !UsdtTextProbes.INSTANCE.isPairEnabled()) {
      if (System.nanoTime() > deadline) {
        System.out.println("no tracer attached within 30 s");
        System.exit(2);
      }
      Thread.sleep(20);
    }
    TextProbes probes = UsdtTextProbes.INSTANCE;
    probes.text(1, null);
    probes.text(2, "");
    probes.text(3, MEBIBYTE);
    probes.text(4, "a\uD800b\uDC00c");
    probes.text(5, "ab\0cd");
    probes.text(6, "\uD83D\uDE00 \u00FC");
    probes.text(7, "x".repeat(255));
    probes.text(8, "x".repeat(256));
    probes.text(9, "x".repeat(257));
    probes.pair(10, null, MEBIBYTE);
    probes.pair(11, "x".repeat(300), "");
    StrsProbes.loop(Phases.PHASE_LOOP, (String) null);
    StrsProbes.loop(Phases.PHASE_LOOP, MEBIBYTE);
    StrsProbes.loop(Phases.PHASE_LOOP, -1L);
    System.out.println("fired");
  }
}
