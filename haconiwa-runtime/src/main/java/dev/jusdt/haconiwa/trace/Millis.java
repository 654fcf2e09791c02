package dev.jusdt.haconiwa.trace;

import java.util.Locale;

/** Nanoseconds shown as milliseconds with microsecond resolution: {@code 16.161}. */
final class Millis {

  private Millis() {}

  static String of(double nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
