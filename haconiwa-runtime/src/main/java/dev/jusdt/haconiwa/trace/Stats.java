package dev.jusdt.haconiwa.trace;

import java.util.Arrays;
import java.util.Collection;

/**
 * Minimum, median and maximum of some durations; the median of an even count is the mean of the
 * two middle values.
 */
record Stats(int count, long min, double median, long max) {

  static Stats of(Collection<Long> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median =
        n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0);
    return new Stats(n, sorted[0], median, sorted[n - 1]);
  }
}
