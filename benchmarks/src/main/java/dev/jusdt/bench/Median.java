package dev.jusdt.bench;

import java.util.Arrays;

/** The median the benchmarks report: the middle value, or the mean of the two middle ones. */
public final class Median {

  private Median() {}

  /**
   * The median of {@code values}, which are left as they are.
   *
   * @param values at least one value
   * @return their median
   */
  public static double of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
