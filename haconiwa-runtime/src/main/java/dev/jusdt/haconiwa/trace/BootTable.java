package dev.jusdt.haconiwa.trace;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One boot as a table: each phase by name, when it fired after the boot's first phase, and how
 * long it took until the next phase of the same side (runtime or child), in milliseconds.
 */
final class BootTable {

  private static final String FORMAT = "  %5s  %-29s  %-7s  %7s  %10s  %10s  %s";

  private BootTable() {}

  static String render(Boot boot) {
    StringBuilder out = new StringBuilder();
    String processes =
        boot.rows().stream().map(Boot.Row::label).collect(Collectors.joining(", "));
    out.append(
        String.format(
            Locale.ROOT,
            "boot %d%s: %s%n",
            boot.number(),
            boot.isComplete() ? "" : " (unfinished)",
            processes));
    out.append(row("phase", "name", "side", "pid", "at ms", "took ms", "until"));
    List<Boot.Step> steps = boot.steps();
    for (Boot.Step step : steps) {
      TraceEvent event = step.event();
      String until;
      if (step.side() == Side.HOOK) {
        until = event.valueText().isEmpty() ? "" : "value " + event.valueText();
      } else {
        until = step.hasDuration() ? "phase " + step.nextPhase() : "";
      }
      out.append(
          row(
              event.phase(),
              PhaseCatalog.name(event.phase()),
              step.side().label(),
              event.pid(),
              Millis.of(step.startNanos()),
              step.hasDuration() ? Millis.of(step.durationNanos()) : "",
              until));
    }
    boot.forkToExecNanos()
        .ifPresentOrElse(
            nanos ->
                out.append(
                    String.format(
                        Locale.ROOT, "  fork->exec (phase 2 -> 21): %s ms%n", Millis.of(nanos))),
            () -> out.append(String.format("  fork->exec (phase 2 -> 21): not seen%n")));
    return out.toString();
  }

  private static String row(Object... columns) {
    return String.format(Locale.ROOT, FORMAT, columns).stripTrailing() + System.lineSeparator();
  }
}
