package dev.jusdt.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DisabledProbes} or {@link EnabledProbes} with JMH and prints their results as a
 * Markdown table, every ratio against a baseline of the same run, with the targets.
 *
 * <pre>
 * java -cp ... dev.jusdt.bench.jmh.ProbeCost disabled|enabled|binding [--quick] [--log FILE]
 * </pre>
 */
public final class ProbeCost {

  private ProbeCost() {}

  /**
   * Runs one suite.
   *
   * @param args {@code disabled} or {@code enabled}, then {@code --quick} for one short fork, and
   *     {@code --log FILE} for JMH's own output (else standard error)
   */
  public static void main(String[] args) throws Exception {
    String suite = args.length > 0 ? args[0] : "";
    boolean quick = false;
    String log = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--log") && i + 1 < args.length) {
        log = args[++i];
      } else {
        suite = "";
      }
    }
    Class<?> benchmarks = switch (suite) {
      case "disabled" -> DisabledProbes.class;
      case "enabled" -> EnabledProbes.class;
      case "binding" -> BindingCost.class;
      default -> null;
    };
    if (benchmarks == null) {
      System.err.println("usage: ProbeCost disabled|enabled|binding [--quick] [--log FILE]");
      System.exit(2);
      return;
    }
    Path hits = Files.createTempFile("jusdt-bench-hits", ".txt");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(benchmarks.getName() + "\\.")
        .jvmArgsAppend("--enable-native-access=ALL-UNNAMED",
            "-D" + Bpftrace.HITS_PROPERTY + "=" + hits)
        .shouldFailOnError(true);
    if (quick) {
      options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
    } else {
      options.forks(3).warmupIterations(3).warmupTime(TimeValue.seconds(1))
          .measurementIterations(5).measurementTime(TimeValue.seconds(1));
    }
    if (log != null) {
      options.output(log);
    }
    Map<String, Result<?>> scores = new LinkedHashMap<>();
    Collection<RunResult> results = new Runner(options.build()).run();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      scores.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult());
    }
    String forks = quick ? "1 fork × 3 × 0.5 s (quick)" : "3 forks × 5 × 1 s, 3 × 1 s warm-up";
    System.out.println(switch (suite) {
      case "disabled" -> disabledTable(scores);
      case "enabled" -> enabledTable(scores);
      default -> bindingTable(scores);
    });
    System.out.println("JMH " + forks + "; ± is JMH's 99.9% confidence half-width.");
    List<String> counts = Files.readAllLines(hits, StandardCharsets.UTF_8).stream()
        .map(line -> line.replaceAll(".*(@hits\\[[a-z-]+\\]: [0-9]+).*", "$1"))
        .toList();
    Files.delete(hits);
    if (!counts.isEmpty()) {
      System.out.println("What bpftrace counted in each fork: " + String.join(", ", counts) + ".");
    }
  }

  private static String disabledTable(Map<String, Result<?>> scores) {
    double empty = score(scores, "emptyMethod");
    double naive = score(scores, "naiveJniCall");
    List<String> rows = new ArrayList<>();
    rows.add("| benchmark | ns/op | ± | × empty method | naive JNI call ÷ this |"
        + " target ≤ 2.5× empty | stretch ≤ 1.3× | target ≥ 10× cheaper than naive |");
    rows.add("|---|---:|---:|---:|---:|---|---|---|");
    row(rows, scores, "emptyMethod", "empty method (baseline)", empty, naive, false);
    row(rows, scores, "disabledJfrEvent", "disabled JFR event", empty, naive, false);
    row(rows, scores, "phaseProbe", "phase-constant probe (`args = 3`)", empty, naive, true);
    row(rows, scores, "longsProbe", "typed probe, 3 `long`s", empty, naive, true);
    row(rows, scores, "stringProbe", "typed probe, 2 `long`s + `String`", empty, naive, true);
    row(rows, scores, "byteBufferSemaphoreRead",
        "old semaphore read (`ByteBuffer` view `VarHandle`, opaque)", empty, naive, false);
    row(rows, scores, "naiveJniCall", "naive binding: JNI call into `DTRACE_PROBE3`", empty, naive,
        false);
    return String.join("\n", rows) + "\n";
  }

  private static void row(List<String> rows, Map<String, Result<?>> scores, String key,
      String label, double empty, double naive, boolean probe) {
    Result<?> result = scores.get(key);
    double ns = result.getScore();
    double timesEmpty = ns / empty;
    double cheaper = naive / ns;
    rows.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f× | %.1f× | %s | %s | %s |",
        label, ns, result.getScoreError(), timesEmpty, cheaper,
        probe ? verdict(timesEmpty <= 2.5) : "", probe ? verdict(timesEmpty <= 1.3) : "",
        probe ? verdict(cheaper >= 10) : ""));
  }

  private static String enabledTable(Map<String, Result<?>> scores) {
    List<String> rows = new ArrayList<>();
    rows.add("| probe hit, bpftrace attached | from Java, ns/hit | ± | C loop, ns/hit | ±"
        + " | Java ÷ C | target ≤ 1.1× |");
    rows.add("|---|---:|---:|---:|---:|---:|---|");
    pair(rows, scores, "`bench:longs`, 3 `long`s", "longsProbe", "cLoopLongs");
    pair(rows, scores, "`bench:probe-step`, phase constant (reads `CLOCK_BOOTTIME`)", "phaseProbe",
        "cLoopPhase");
    pair(rows, scores, "`bench:text`, 2 `long`s + `String` (12 chars)", "stringProbe",
        "cLoopString");
    pair(rows, scores, "naive JNI binding of `bench:longs` (no semaphore read)", "naiveJniCall",
        "cLoopLongs");
    return String.join("\n", rows) + "\n";
  }

  private static String bindingTable(Map<String, Result<?>> scores) {
    double longs = score(scores, "longsProbe");
    List<String> rows = new ArrayList<>();
    rows.add("| enabled path, semaphores set from C, no trap | ns/op | ± | over the 3-`long` probe |");
    rows.add("|---|---:|---:|---:|");
    String[][] labels = {
      {"longsProbe", "`bench:longs`, 3 `long`s"},
      {"phaseProbe", "`bench:probe-step`, phase constant (reads `CLOCK_BOOTTIME` in C)"},
      {"stringProbe", "`bench:text`, 2 `long`s + `String` (12 chars)"},
      {"naiveJniCall", "naive JNI binding (no semaphore read)"},
    };
    for (String[] label : labels) {
      Result<?> result = scores.get(label[0]);
      rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f ns |", label[1],
          result.getScore(), result.getScoreError(), result.getScore() - longs));
    }
    double extra = score(scores, "stringProbe") - longs;
    rows.add("");
    rows.add(String.format(Locale.ROOT, "A `String` argument adds **%+.1f ns** to a hit over the"
        + " 3-`long` probe (target ≤ 40 ns: %s).", extra, verdict(extra <= 40)));
    return String.join("\n", rows) + "\n";
  }

  private static void pair(List<String> rows, Map<String, Result<?>> scores, String label,
      String java, String c) {
    Result<?> j = scores.get(java);
    Result<?> n = scores.get(c);
    double ratio = j.getScore() / n.getScore();
    rows.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.3f× | %s |",
        label, j.getScore(), j.getScoreError(), n.getScore(), n.getScoreError(), ratio,
        java.equals("naiveJniCall") ? "" : verdict(ratio <= 1.1)));
  }

  private static double score(Map<String, Result<?>> scores, String key) {
    return scores.get(key).getScore();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }
}
