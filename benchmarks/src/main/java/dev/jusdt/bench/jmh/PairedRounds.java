package dev.jusdt.bench.jmh;

import dev.jusdt.bench.Median;
import dev.jusdt.bench.probes.BenchLibrary;
import dev.jusdt.bench.probes.BenchProbes;
import dev.jusdt.bench.probes.CLoop;
import dev.jusdt.bench.probes.NaiveBinding;
import dev.jusdt.bench.probes.Phases;
import dev.jusdt.bench.probes.TypedProbes;
import dev.jusdt.bench.probes.UsdtTypedProbes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Enabled probes, Java against C, in alternating rounds in one JVM with bpftrace attached: each
 * round times N hits from Java and then N from the C loop (the other way round every other round),
 * and the verdict uses the median of the per-round ratios. A probe hit costs microseconds here, so
 * JIT effects are negligible after warm-up, while the machine's load drifts over seconds; pairing
 * the two sides within a round keeps that drift out of the ratio, which separate JMH benchmarks,
 * minutes apart, cannot.
 *
 * <pre>
 * java -cp ... dev.jusdt.bench.jmh.PairedRounds ROUNDS HITS_PER_ROUND
 * </pre>
 */
public final class PairedRounds {

  private static final TypedProbes PROBES = UsdtTypedProbes.INSTANCE;
  private static final String TEXT = "hello, world";

  private PairedRounds() {}

  private record Pair(String label, LongConsumer java, LongConsumer c, boolean target) {}

  /**
   * Runs the rounds and prints a Markdown table.
   *
   * @param args rounds and hits per round
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    long hits = Long.parseLong(args[1]);
    List<Pair> pairs = List.of(
        new Pair("`bench:longs`, 3 `long`s", n -> {
          for (long i = 0; i < n; i++) {
            PROBES.longs(i, 2, 3);
          }
        }, CLoop::longs, true),
        new Pair("`bench:probe-step`, phase constant (reads `CLOCK_BOOTTIME`)", n -> {
          for (long i = 0; i < n; i++) {
            BenchProbes.probeStep(Phases.PHASE_STEP);
          }
        }, CLoop::step, true),
        new Pair("`bench:text`, 2 `long`s + `String` (12 chars)", n -> {
          for (long i = 0; i < n; i++) {
            PROBES.text(i, 2, TEXT);
          }
        }, CLoop::text, true),
        new Pair("naive JNI binding of `bench:longs` (no semaphore read)", n -> {
          for (long i = 0; i < n; i++) {
            NaiveBinding.longs(i, 2, 3);
          }
        }, CLoop::longs, false));
    double[][] java = new double[pairs.size()][rounds];
    double[][] c = new double[pairs.size()][rounds];
    try (Bpftrace tracer = Bpftrace.attach(BenchLibrary.require(), "bench",
        List.of("longs", "text", "probe-step"),
        () -> PROBES instanceof UsdtTypedProbes probes && probes.isLongsEnabled()
            && probes.isTextEnabled() && BenchProbes.isProbeStepEnabled())) {
      for (int warmUp = 0; warmUp < 3; warmUp++) {
        for (Pair pair : pairs) {
          pair.java().accept(hits);
          pair.c().accept(hits);
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int p = 0; p < pairs.size(); p++) {
          Pair pair = pairs.get(p);
          if (r % 2 == 0) {
            java[p][r] = perHit(pair.java(), hits);
            c[p][r] = perHit(pair.c(), hits);
          } else {
            c[p][r] = perHit(pair.c(), hits);
            java[p][r] = perHit(pair.java(), hits);
          }
        }
      }
    }
    List<String> rows = new ArrayList<>();
    rows.add("| probe hit, bpftrace attached | from Java, ns/hit (median) | C loop, ns/hit (median)"
        + " | Java ÷ C, median of rounds | target ≤ 1.1× |");
    rows.add("|---|---:|---:|---:|---|");
    for (int p = 0; p < pairs.size(); p++) {
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratios[r] = java[p][r] / c[p][r];
      }
      double ratio = Median.of(ratios);
      rows.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f | **%.3f×** | %s |",
          pairs.get(p).label(), Median.of(java[p]), Median.of(c[p]), ratio,
          pairs.get(p).target() ? (ratio <= 1.1 ? "met" : "**missed**") : ""));
    }
    double[] extra = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      extra[r] = java[2][r] - java[0][r];
    }
    double stringCost = Median.of(extra);
    rows.add("");
    rows.add(String.format(Locale.ROOT, "%d rounds of %,d hits per side. Java's `bench:text` hit"
        + " minus its `bench:longs` hit: %+.0f ns (median of rounds; the trap's noise is larger"
        + " than the difference, which the table without the trap measures).", rounds, hits,
        stringCost));
    System.out.println(String.join("\n", rows));
  }

  private static double perHit(LongConsumer hitter, long hits) {
    long start = System.nanoTime();
    hitter.accept(hits);
    return (System.nanoTime() - start) / (double) hits;
  }
}
