package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Minimum, median, 95th percentile and maximum of each phase's duration, and of fork to exec, over
 * many boots.
 */
final class Summary {

  private static final String FORMAT = "  %5s  %-29s  %5s  %10s  %10s  %10s  %10s%n";

  private Summary() {}

  /** Each phase's durations over the boots, keyed by boot order. */
  static Map<Integer, List<Long>> durations(List<Boot> boots) {
    Map<Integer, List<Long>> byPhase = new TreeMap<>();
    for (Boot boot : boots) {
      for (Boot.Step step : boot.steps()) {
        if (step.hasDuration()) {
          byPhase
              .computeIfAbsent(PhaseCatalog.rank(step.event().phase()), k -> new ArrayList<>())
              .add(step.durationNanos());
        }
      }
    }
    return byPhase;
  }

  static String render(List<Boot> boots) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "summary of %d boot%s (ms)%n", boots.size(), boots.size() == 1 ? "" : "s"));
    out.append(String.format(Locale.ROOT, FORMAT, "phase", "name", "n", "min", "median", "p95", "max"));
    Map<Integer, Integer> phaseOfRank = new TreeMap<>();
    for (Boot boot : boots) {
      for (TraceEvent event : boot.events()) {
        phaseOfRank.put(PhaseCatalog.rank(event.phase()), event.phase());
      }
    }
    for (Map.Entry<Integer, List<Long>> entry : durations(boots).entrySet()) {
      int phase = phaseOfRank.get(entry.getKey());
      out.append(line(Integer.toString(phase), PhaseCatalog.name(phase), Stats.of(entry.getValue())));
    }
    List<Long> forkToExec = new ArrayList<>();
    for (Boot boot : boots) {
      boot.forkToExecNanos().ifPresent(forkToExec::add);
    }
    if (!forkToExec.isEmpty()) {
      out.append(line("2-21", "fork->exec", Stats.of(forkToExec)));
    }
    return out.toString();
  }

  private static String line(String phase, String name, Stats stats) {
    return String.format(
        Locale.ROOT,
        FORMAT,
        phase,
        name,
        stats.count(),
        Millis.of(stats.min()),
        Millis.of(stats.median()),
        Millis.of(stats.p95()),
        Millis.of(stats.max()));
  }
}
