package dev.jusdt.bench.build;

import dev.jusdt.bench.FileTree;
import dev.jusdt.bench.Median;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Build cost: the time the processor and the plugin add to {@code mvn package} for projects of
 * 10, 100 and 1,000 probes, and a second build with nothing changed. Prints a Markdown table.
 *
 * <pre>
 * java -cp ... dev.jusdt.bench.build.BuildCost MVNW LOCAL_REPO VERSION REPEATS [SIZES...]
 * </pre>
 *
 * <p>Each figure is the median of REPEATS builds; a clean build deletes {@code target/} first.
 */
public final class BuildCost {

  private static final double TARGET_SECONDS = 5.0;

  private BuildCost() {}

  /**
   * Runs the builds and prints the table to standard output.
   *
   * @param args Maven launcher, local repository, jusdt version, repeats, then probe counts
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: BuildCost MVNW LOCAL_REPO VERSION REPEATS [SIZES...]");
      System.exit(2);
    }
    Path mvn = Path.of(args[0]).toAbsolutePath();
    Path repository = Path.of(args[1]).toAbsolutePath();
    String version = args[2];
    int repeats = Integer.parseInt(args[3]);
    int[] sizes = args.length > 4
        ? Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {10, 100, 1000};
    Path work = Files.createTempDirectory("jusdt-build-cost");
    List<String> rows = new ArrayList<>();
    try {
      for (int size : sizes) {
        Path plain = work.resolve("plain-" + size);
        Path probed = work.resolve("probes-" + size);
        SampleProject.write(plain, size, false, version);
        SampleProject.write(probed, size, true, version);
        double[] without = new double[repeats];
        double[] with = new double[repeats];
        double[] again = new double[repeats];
        boolean firstRanGcc = true;
        boolean secondSkippedGcc = true;
        for (int r = 0; r < repeats; r++) {
          FileTree.delete(plain.resolve("target"));
          without[r] = MavenRun.packageProject(mvn, repository, plain).seconds();
          FileTree.delete(probed.resolve("target"));
          MavenRun first = MavenRun.packageProject(mvn, repository, probed);
          with[r] = first.seconds();
          firstRanGcc &= first.ranCompiler();
          MavenRun second = MavenRun.packageProject(mvn, repository, probed);
          again[r] = second.seconds();
          secondSkippedGcc &= second.upToDate() && !second.ranCompiler();
          System.err.printf(Locale.ROOT, "%d probes, build %d: %.2f s plain, %.2f s with probes,"
              + " %.2f s unchanged%n", size, r + 1, without[r], with[r], again[r]);
        }
        double added = Median.of(with) - Median.of(without);
        double addedAgain = Median.of(again) - Median.of(without);
        rows.add(String.format(Locale.ROOT,
            "| %,d | %.2f | %.2f | **%+.2f** | %s | %.2f | %+.2f | %s |",
            size, Median.of(without), Median.of(with), added,
            added <= TARGET_SECONDS ? "met" : "**missed**",
            Median.of(again), addedAgain,
            secondSkippedGcc && firstRanGcc ? "yes (\"up to date\", no gcc)" : "**no**"));
      }
    } finally {
      FileTree.delete(work);
    }
    System.out.println("| probes | `mvn package` without processor and plugin (s) | with them, clean"
        + " (s) | added (s) | target ≤ 5 s added | second build, nothing changed (s) | added (s)"
        + " | second build skipped gcc |");
    System.out.println("|---:|---:|---:|---:|---|---:|---:|---|");
    rows.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "%nMedians of %d build(s) each; every build is a fresh `mvn -o"
        + " package` (Maven start-up included, equally in both columns).%n", repeats);
  }
}
