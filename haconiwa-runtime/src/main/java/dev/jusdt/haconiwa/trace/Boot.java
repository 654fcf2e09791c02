package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One container boot: the runtime's phases and its child's, as {@link BootGrouper} assigned them.
 */
final class Boot {

  /** One process's part in the boot: a row of the timeline. */
  record Row(int pid, Side side, String comm) {
    String label() {
      return comm + " " + pid + " " + side.label();
    }
  }

  /** A phase with the time to the next phase of the same side, -1 for the last one. */
  record Step(TraceEvent event, Side side, long startNanos, long durationNanos, int nextPhase) {
    boolean hasDuration() {
      return durationNanos >= 0;
    }
  }

  private final int number;
  private final List<TraceEvent> events = new ArrayList<>();
  private final List<Side> sides = new ArrayList<>();
  private final Set<Integer> runtimePids = new LinkedHashSet<>();
  private final Set<Integer> childPids = new LinkedHashSet<>();
  private int lastRuntimeRank = -1;
  private int lastChildRank = -1;
  private boolean forked;
  private boolean complete;

  Boot(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }

  void add(TraceEvent event, Side side) {
    events.add(event);
    sides.add(side);
    int rank = PhaseCatalog.rank(event.phase());
    switch (side) {
      case RUNTIME -> {
        runtimePids.add(event.pid());
        lastRuntimeRank = Math.max(lastRuntimeRank, rank);
        forked |= event.phase() == PhaseCatalog.FORK;
        complete |= event.phase() == PhaseCatalog.CLEANUP;
      }
      case CHILD -> {
        childPids.add(event.pid());
        lastChildRank = Math.max(lastChildRank, rank);
        // A child seen without its runtime (a tracer started late, a C program) ends at exec.
        complete |= runtimePids.isEmpty() && event.phase() == PhaseCatalog.EXEC;
      }
      case HOOK -> {}
    }
  }

  /** Whether a phase of this rank may still come next on the runtime side. */
  boolean runtimeAccepts(int rank) {
    return rank > lastRuntimeRank;
  }

  boolean childAccepts(int rank) {
    return rank > lastChildRank;
  }

  boolean hasRuntime() {
    return !runtimePids.isEmpty();
  }

  boolean hasChild() {
    return !childPids.isEmpty();
  }

  boolean forked() {
    return forked;
  }

  boolean isComplete() {
    return complete;
  }

  boolean isRuntime(int pid) {
    return runtimePids.contains(pid);
  }

  boolean isChild(int pid) {
    return childPids.contains(pid);
  }

  /** The events in the order of their times (stable for ties). */
  List<TraceEvent> events() {
    List<TraceEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(TraceEvent::nanos));
    return sorted;
  }

  /** Every phase with its duration, in time order. */
  List<Step> steps() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> events.get(i).nanos()));
    long start = events.get(order.get(0)).nanos();
    Map<Side, Integer> open = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (int i : order) {
      TraceEvent event = events.get(i);
      Side side = sides.get(i);
      steps.add(new Step(event, side, event.nanos() - start, -1, -1));
      if (side == Side.HOOK) {
        continue;
      }
      Integer previous = open.put(side, steps.size() - 1);
      if (previous != null) {
        Step before = steps.get(previous);
        steps.set(
            previous,
            new Step(
                before.event(),
                before.side(),
                before.startNanos(),
                event.nanos() - before.event().nanos(),
                event.phase()));
      }
    }
    return steps;
  }

  /** Phase 2 to phase 21, if both were seen. */
  OptionalLong forkToExecNanos() {
    Long fork = null;
    Long exec = null;
    for (int i = 0; i < events.size(); i++) {
      TraceEvent event = events.get(i);
      if (sides.get(i) == Side.RUNTIME && event.phase() == PhaseCatalog.FORK && fork == null) {
        fork = event.nanos();
      } else if (sides.get(i) == Side.CHILD && event.phase() == PhaseCatalog.EXEC) {
        exec = event.nanos();
      }
    }
    return fork != null && exec != null ? OptionalLong.of(exec - fork) : OptionalLong.empty();
  }

  /** The nanoseconds from the first to the last event. */
  long spanNanos() {
    List<TraceEvent> sorted = events();
    return sorted.get(sorted.size() - 1).nanos() - sorted.get(0).nanos();
  }

  long startNanos() {
    return events().get(0).nanos();
  }

  /** The side whose row shows an event: hooks go to their process's row. */
  Side rowSide(TraceEvent event, Side side) {
    if (side != Side.HOOK) {
      return side;
    }
    return childPids.contains(event.pid()) && !runtimePids.contains(event.pid())
        ? Side.CHILD
        : Side.RUNTIME;
  }

  /** One row per process and side, in order of first appearance. */
  List<Row> rows() {
    Map<Integer, String> comms = new HashMap<>();
    for (TraceEvent event : events) {
      if (!event.comm().equals(TraceEvent.LOST_COMM)) {
        comms.putIfAbsent(event.pid(), event.comm());
      }
    }
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Step step : steps()) {
      TraceEvent event = step.event();
      Side side = rowSide(event, step.side());
      if (seen.add(event.pid() + "/" + side)) {
        rows.add(new Row(event.pid(), side, comms.getOrDefault(event.pid(), event.comm())));
      }
    }
    return rows;
  }
}
