package dev.jusdt.haconiwa.trace;

import java.util.Arrays;
import java.util.Collection;

/**
 * Minimum, median, 95th percentile and maximum of some durations. The median of an even count is
 * the mean of the two middle values; the percentile is the nearest rank (the smallest value with
 * at least 95% of the values at or below it).
 */
record Stats(int count, long min, double median, long p95, long max) {

  static Stats of(Collection<Long> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median =
        n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0);
    int rank = (int) Math.ceil(0.95 * n);
    return new Stats(n, sorted[0], median, sorted[rank - 1], sorted[n - 1]);
  }
}
