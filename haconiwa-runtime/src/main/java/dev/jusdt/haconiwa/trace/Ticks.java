package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round time-axis ticks: a 1, 2 or 5 times a power of ten step, about eight of them. */
final class Ticks {

  private Ticks() {}

  /** The step in nanoseconds for a span. */
  static long step(long spanNanos) {
    double raw = Math.max(spanNanos, 1) / 8.0;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = power;
    for (int factor : new int[] {2, 5, 10}) {
      if (step < raw) {
        step = power * factor;
      }
    }
    return Math.max(1, Math.round(step));
  }

  /** The ticks from 0 to span inclusive of 0, each a multiple of the step. */
  static List<Long> of(long fromNanos, long toNanos) {
    long step = step(toNanos - fromNanos);
    List<Long> ticks = new ArrayList<>();
    for (long t = Math.floorDiv(fromNanos + step - 1, step) * step; t <= toNanos; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** A tick's label in milliseconds, with as many decimals as the step needs. */
  static String label(long nanos, long step) {
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step / 1e6)));
    return String.format(Locale.ROOT, "%." + decimals + "f", nanos / 1e6);
  }
}
