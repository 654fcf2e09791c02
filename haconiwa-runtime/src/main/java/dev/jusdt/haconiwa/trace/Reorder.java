package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts live events back in the order they happened. bpftrace reads one perf buffer per CPU, so a
 * process that moves between CPUs can have a later firing printed before an earlier one; the
 * disorder lasts no longer than one of bpftrace's polls. Each event is held for a while after it
 * arrives and released in the order of its probe time.
 */
final class Reorder {

  private record Held(TraceEvent event, long arrived, long sequence) {}

  private final long holdNanos;
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(
          Comparator.comparingLong((Held h) -> h.event().nanos()).thenComparingLong(Held::sequence));
  private long sequence;

  Reorder(long holdNanos) {
    this.holdNanos = holdNanos;
  }

  synchronized void add(TraceEvent event, long now) {
    held.add(new Held(event, now, sequence++));
  }

  /**
   * Releases, in time order, every event up to the latest (by probe time) of those held for the
   * whole hold time; an event that arrives later belongs after them.
   */
  synchronized List<TraceEvent> release(long now) {
    long limit = Long.MIN_VALUE;
    boolean any = false;
    for (Held h : held) {
      if (now - h.arrived() >= holdNanos) {
        limit = Math.max(limit, h.event().nanos());
        any = true;
      }
    }
    List<TraceEvent> out = new ArrayList<>();
    while (any && !held.isEmpty() && held.peek().event().nanos() <= limit) {
      out.add(held.poll().event());
    }
    return out;
  }

  /** Every event still held, in time order. */
  synchronized List<TraceEvent> drain() {
    List<TraceEvent> out = new ArrayList<>();
    while (!held.isEmpty()) {
      out.add(held.poll().event());
    }
    return out;
  }
}
