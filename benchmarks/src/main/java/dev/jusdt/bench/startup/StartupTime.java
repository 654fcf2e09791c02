package dev.jusdt.bench.startup;

import dev.jusdt.bench.FileTree;
import dev.jusdt.bench.Median;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start-up: runs {@link FirstProbe} in fresh JVMs, cold (an empty cache directory, so the library
 * is extracted), warm (the cache populated by an earlier JVM, so it is only verified) and warm
 * with the classes from an archive an earlier run wrote (an AOT cache on JDK 25, else a dynamic
 * CDS archive: how a deployment that cares about start-up runs), and prints a Markdown table row
 * per case: the time from first use of a generated class to its library loaded (what the targets
 * are for), and to its first probe having run. A last row runs {@link VerifiedLoadFloor} on the
 * warm cache: the same checks as the warm start in one class, the least a verified load costs.
 *
 * <pre>
 * java -cp ... dev.jusdt.bench.startup.StartupTime JAVA RUNS
 * </pre>
 */
public final class StartupTime {

  private static final double COLD_TARGET_MS = 50;
  private static final double WARM_TARGET_MS = 5;

  private StartupTime() {}

  /**
   * Measures and prints the table.
   *
   * @param args the {@code java} executable of the JDK to measure, and the number of JVMs per case
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StartupTime JAVA RUNS");
      System.exit(2);
    }
    String java = args[0];
    int runs = Integer.parseInt(args[1]);
    Path work = Files.createTempDirectory("jusdt-startup");
    List<String> warnings = new ArrayList<>();
    double[][] cold = new double[runs][];
    double[][] warm = new double[runs][];
    double[][] archived = new double[runs][];
    double[][] floor = new double[runs][];
    String archive;
    try {
      for (int i = 0; i < runs; i++) {
        cold[i] = millis(java, FirstProbe.class, work.resolve("cold-" + i), List.of(), warnings);
      }
      Path cache = work.resolve("warm");
      millis(java, FirstProbe.class, cache, List.of(), warnings);
      for (int i = 0; i < runs; i++) {
        warm[i] = millis(java, FirstProbe.class, cache, List.of(), warnings);
      }
      // As a start-up-minded deployment runs: with the classes from an archive of an earlier run.
      List<List<String>> archiving = archiveOptions(java, work.resolve("classes.archive"));
      archive = archiving.get(1).get(0).replaceAll("=.*", "");
      writeArchive(java, cache, archiving.get(0));
      for (int i = 0; i < runs; i++) {
        archived[i] = millis(java, FirstProbe.class, cache, archiving.get(1), warnings);
      }
      for (int i = 0; i < runs; i++) {
        floor[i] = millis(java, VerifiedLoadFloor.class, cache, List.of(), warnings);
      }
    } finally {
      FileTree.delete(work);
    }
    System.out.println("| fresh JVM, from first use of a generated class | to the library loaded:"
        + " median (ms) | min (ms) | max (ms) | target | met | to the first probe run: median (ms) |"
        + " min (ms) |");
    System.out.println("|---|---:|---:|---:|---:|---|---:|---:|");
    row("cold: empty cache, library extracted", cold, COLD_TARGET_MS, true);
    row("warm: cache populated, library verified", warm, WARM_TARGET_MS, true);
    row("warm, classes from an archive (`" + archive + "`)", archived, WARM_TARGET_MS, true);
    row("floor: the warm start's checks and `System.load` in one class (`VerifiedLoadFloor`),"
        + " no archive", floor, WARM_TARGET_MS, false);
    System.out.printf(Locale.ROOT, "%n%d JVMs per case. JVM output besides the figure: %s.%n",
        runs, warnings.isEmpty() ? "none" : String.join("; ", warnings.stream().distinct().toList()));
  }

  private static void row(String label, double[][] millis, double target, boolean fires) {
    double[] loaded = sorted(millis, 0);
    double[] fired = sorted(millis, 1);
    double median = Median.of(loaded);
    System.out.printf(Locale.ROOT, "| %s | **%.1f** | %.1f | %.1f | ≤ %.0f ms | %s | %s | %s |%n",
        label, median, loaded[0], loaded[loaded.length - 1], target,
        median <= target ? "met" : "**missed**",
        fires ? String.format(Locale.ROOT, "%.1f", Median.of(fired)) : "—",
        fires ? String.format(Locale.ROOT, "%.1f", fired[0]) : "—");
  }

  private static double[] sorted(double[][] millis, int column) {
    double[] values = new double[millis.length];
    for (int i = 0; i < millis.length; i++) {
      values[i] = millis[i][column];
    }
    Arrays.sort(values);
    return values;
  }

  /**
   * The options that write an archive of the classes a run loads, and those that map it, each
   * with the archive's messages off: JDK 25's AOT cache (JEP 483), else a dynamic CDS archive.
   */
  private static List<List<String>> archiveOptions(String java, Path file)
      throws IOException, InterruptedException {
    Process version = new ProcessBuilder(java, "-XX:+PrintFlagsFinal", "-version")
        .redirectErrorStream(true).start();
    String flags = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor();
    if (flags.contains(" AOTCacheOutput ")) {
      List<String> quiet = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");
      return List.of(with("-XX:AOTCacheOutput=" + file, quiet), with("-XX:AOTCache=" + file, quiet));
    }
    List<String> quiet = List.of("-Xlog:cds*=off");
    return List.of(with("-XX:ArchiveClassesAtExit=" + file, quiet),
        with("-XX:SharedArchiveFile=" + file, quiet));
  }

  /** Runs FirstProbe once with {@code options} that write an archive; what it prints is the JVM's. */
  private static void writeArchive(String java, Path cache, List<String> options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-Djusdt.cache.dir=" + cache));
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstProbe.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (process.waitFor() != 0) {
      String hint = "";
      for (String entry : System.getProperty("java.class.path").split(System.getProperty("path.separator"))) {
        if (Files.isDirectory(Path.of(entry))) {
          hint = "; " + entry + " is a directory, and an archive takes classes from jars only:"
              + " put benchmarks/target/benchmarks-*.jar on the class path instead";
        }
      }
      throw new IllegalStateException("writing the archive failed" + hint + ": " + command);
    }
  }

  private static List<String> with(String option, List<String> more) {
    List<String> all = new ArrayList<>(List.of(option));
    all.addAll(more);
    return all;
  }

  /**
   * The milliseconds to the library loaded and to the first probe run, as {@code main} (FirstProbe
   * or VerifiedLoadFloor) printed them.
   */
  private static double[] millis(String java, Class<?> main, Path cache, List<String> jvmOptions,
      List<String> warnings) throws IOException, InterruptedException {
    Path out = Files.createTempFile("jusdt-startup", ".out");
    Path err = Files.createTempFile("jusdt-startup", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
          "-Djusdt.cache.dir=" + cache));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
      Process process = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int exit = process.waitFor();
      String stdout = Files.readString(out, StandardCharsets.UTF_8).strip();
      String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
      if (exit != 0) {
        throw new IllegalStateException(
            main.getSimpleName() + " failed (" + exit + "): " + stdout + stderr);
      }
      if (!stderr.isEmpty()) {
        warnings.add(stderr.lines().findFirst().orElse(""));
      }
      String[] nanos = stdout.split(" ");
      return new double[] {Long.parseLong(nanos[0]) / 1e6, Long.parseLong(nanos[1]) / 1e6};
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
