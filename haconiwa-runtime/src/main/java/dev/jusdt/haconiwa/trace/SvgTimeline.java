package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The boots as an SVG timeline: per boot a panel with a time axis in milliseconds and one row per
 * process, a labelled bar per phase from its firing to the next phase of the same side, and a
 * diamond per user hook. When fork to exec is a small part of the boot (a container that runs a
 * while), a second panel zooms in on it.
 *
 * <p>Plain SVG text: {@code <g class="panel">} per panel, {@code <g class="row">} per process,
 * {@code <rect class="phase">} per phase, each bar with a {@code <title>} tooltip.
 */
final class SvgTimeline {

  private static final int WIDTH = 1200;
  private static final int LABELS = 230;
  private static final int RIGHT = 40;
  private static final int PLOT = WIDTH - LABELS - RIGHT;
  private static final int BAR = 14;
  private static final int LANE = 12;
  private static final double CHAR = 6.0;
  private static final double MIN_BAR = 1.5;
  /** Zoom on fork to exec when it is less than this share of the boot. */
  private static final double ZOOM_BELOW = 0.25;

  private SvgTimeline() {}

  static String render(List<Boot> boots) {
    StringBuilder body = new StringBuilder();
    int y = 10;
    if (boots.isEmpty()) {
      body.append("<text x=\"10\" y=\"24\">no container boot seen</text>\n");
      y = 40;
    }
    for (Boot boot : boots) {
      long span = boot.spanNanos();
      OptionalLong forkToExec = boot.forkToExecNanos();
      String title =
          "boot " + boot.number() + (boot.isComplete() ? "" : " (unfinished)") + ": "
              + forkToExec.stream()
                  .mapToObj(n -> "fork->exec " + Millis.of(n) + " ms, ")
                  .findFirst()
                  .orElse("")
              + "whole boot " + Millis.of(span) + " ms";
      y = panel(body, boot, title, "boot", 0, span, y);
      if (forkToExec.isPresent() && forkToExec.getAsLong() < span * ZOOM_BELOW) {
        long fork = forkStart(boot);
        y =
            panel(
                body,
                boot,
                "boot " + boot.number() + ", fork to exec",
                "fork-exec",
                fork,
                fork + forkToExec.getAsLong(),
                y);
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"10\">%n",
                WIDTH,
                y,
                WIDTH,
                y))
        .append("<title>haconiwa boot phases</title>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
        .append(body)
        .append("</svg>\n");
    return svg.toString();
  }

  private static long forkStart(Boot boot) {
    for (Boot.Step step : boot.steps()) {
      if (step.side() == Side.RUNTIME && step.event().phase() == PhaseCatalog.FORK) {
        return step.startNanos();
      }
    }
    throw new IllegalStateException("fork to exec without a fork");
  }

  private static int panel(
      StringBuilder out, Boot boot, String title, String window, long from, long to, int top) {
    long width = Math.max(1, to - from);
    out.append(
        String.format(
            Locale.ROOT,
            "<g class=\"panel\" data-boot=\"%d\" data-window=\"%s\" transform=\"translate(0,%d)\">%n",
            boot.number(),
            window,
            top));
    out.append("<text class=\"title\" x=\"10\" y=\"14\" font-size=\"12\" font-weight=\"bold\">")
        .append(Xml.escape(title))
        .append("</text>\n");
    axis(out, from, to, width, 34);
    int y = 44;
    List<Boot.Step> steps = boot.steps();
    for (Boot.Row row : boot.rows()) {
      y = row(out, boot, row, steps, from, to, width, y);
    }
    out.append("</g>\n");
    return top + y + 16;
  }

  private static void axis(StringBuilder out, long from, long to, long width, int y) {
    long step = Ticks.step(width);
    out.append("<g class=\"axis\" stroke=\"#444\">\n");
    out.append(line(LABELS, y, LABELS + PLOT, y));
    for (long tick : Ticks.of(from, to)) {
      double x = x(tick, from, width);
      out.append(line(x, y - 4, x, y));
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\">%s</text>%n",
              x,
              y - 7,
              Ticks.label(tick, step)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" stroke=\"none\">ms</text>%n",
            LABELS + PLOT + 6,
            y - 7));
    out.append("</g>\n");
  }

  private static int row(
      StringBuilder out,
      Boot boot,
      Boot.Row row,
      List<Boot.Step> steps,
      long from,
      long to,
      long width,
      int y) {
    out.append(
        String.format(
            Locale.ROOT,
            "<g class=\"row\" data-pid=\"%d\" data-side=\"%s\">%n",
            row.pid(),
            row.side().label()));
    out.append(
        String.format(
            Locale.ROOT, "<text class=\"row-label\" x=\"10\" y=\"%d\">%s</text>%n", y + 11, Xml.escape(row.label())));
    out.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
            LABELS,
            y + BAR / 2,
            LABELS + PLOT,
            y + BAR / 2));
    Lanes lanes = new Lanes();
    StringBuilder labels = new StringBuilder();
    for (Boot.Step step : steps) {
      TraceEvent event = step.event();
      if (event.pid() != row.pid() || boot.rowSide(event, step.side()) != row.side()) {
        continue;
      }
      long start = step.startNanos();
      long end = start + Math.max(0, step.durationNanos());
      // A bar that ends where the window starts is outside it, not a sliver at its edge.
      boolean inside = start >= from ? start <= to : end > from;
      if (!inside) {
        continue;
      }
      double x0 = x(Math.max(start, from), from, width);
      double x1 = x(Math.min(end, to), from, width);
      String name = PhaseCatalog.name(event.phase());
      String label;
      if (step.side() == Side.HOOK) {
        label = name + " " + event.valueText();
        out.append(
            String.format(
                Locale.ROOT,
                "<path class=\"hook\" data-phase=\"%d\" d=\"M%.1f,%d l4,%d l-4,%d l-4,-%d z\""
                    + " fill=\"#222\"><title>%s</title></path>%n",
                event.phase(),
                x0,
                y,
                BAR / 2,
                BAR / 2,
                BAR / 2,
                Xml.escape(event.phase() + " " + label + " at " + Millis.of(start) + " ms")));
      } else {
        String took = step.hasDuration() ? Millis.of(step.durationNanos()) + " ms" : "";
        label = step.hasDuration() ? name + " " + took : name;
        out.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"phase\" data-phase=\"%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                    + " height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\">"
                    + "<title>%s</title></rect>%n",
                event.phase(),
                x0,
                y,
                Math.max(MIN_BAR, x1 - x0),
                BAR,
                colour(step.side(), event.phase()),
                Xml.escape(
                    event.phase() + " " + name + " at " + Millis.of(start) + " ms"
                        + (step.hasDuration() ? ", took " + took : ""))));
      }
      double textWidth = label.length() * CHAR;
      boolean fitsRight = x0 + textWidth <= WIDTH - 4;
      double left = fitsRight ? x0 : x0 - textWidth;
      int lane = lanes.place(left, left + textWidth);
      labels.append(
          String.format(
              Locale.ROOT,
              "<text class=\"phase-label\" x=\"%.1f\" y=\"%d\"%s>%s</text>%n",
              x0,
              y + BAR + 10 + lane * LANE,
              fitsRight ? "" : " text-anchor=\"end\"",
              Xml.escape(label)));
    }
    out.append(labels);
    out.append("</g>\n");
    return y + BAR + Math.max(1, lanes.count()) * LANE + 10;
  }

  private static double x(long nanos, long from, long width) {
    return LABELS + (double) (nanos - from) * PLOT / width;
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", x1, y1, x2, y2);
  }

  private static String colour(Side side, int phase) {
    int rank = PhaseCatalog.rank(phase);
    int hue = side == Side.RUNTIME ? 205 : 25;
    int lightness = 38 + (rank % 4) * 9;
    return String.format(Locale.ROOT, "hsl(%d,65%%,%d%%)", hue, lightness);
  }

  /** Label lanes under a row: each label goes to the first lane where it overlaps nothing. */
  private static final class Lanes {
    private final List<List<double[]>> lanes = new ArrayList<>();

    int place(double left, double right) {
      for (int i = 0; i < lanes.size(); i++) {
        boolean free = true;
        for (double[] taken : lanes.get(i)) {
          free &= right + 4 < taken[0] || left > taken[1] + 4;
        }
        if (free) {
          lanes.get(i).add(new double[] {left, right});
          return i;
        }
      }
      List<double[]> lane = new ArrayList<>();
      lane.add(new double[] {left, right});
      lanes.add(lane);
      return lanes.size() - 1;
    }

    int count() {
      return lanes.size();
    }
  }
}
