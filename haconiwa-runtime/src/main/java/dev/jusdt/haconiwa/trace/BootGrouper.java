package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts probe firings into container boots as they arrive.
 *
 * <p>A boot is the runtime's phases (0 to 6, 31, 32) and its child's (11 to 21). A phase joins the
 * latest unfinished boot in which the same process fired an earlier phase of the same side; a
 * phase that does not come later than the process's last one (phase 0 again, say) starts a new
 * boot. A boot is finished by phase 6 (cleanup).
 *
 * <p>A child's first phase, from a process not seen yet, is linked to its runtime:
 *
 * <ul>
 *   <li>when the trace has parent pids (live bpftrace reads {@code curtask->real_parent->tgid}):
 *       to the unfinished boot whose runtime is the child's parent, or is the child itself (a
 *       program that fires both sides, like {@code FireAllPhases}), and has no child yet; or whose
 *       child is the parent (a second fork inside the container, for a pid namespace);
 *   <li>without parent pids (bcc output), or when the parent fired no phase (a helper process
 *       spawned to clone the child): to the oldest unfinished boot that fired phase 2 (fork) and
 *       has no child yet — the fork heuristic; failing that, to the latest boot whose child has
 *       not passed this phase.
 * </ul>
 *
 * <p>A runtime phase from a process not seen yet (a supervisor that forked, as in the source
 * document: phase 1 from one pid, phases 2 to 4 from another) joins the boot of its parent, or
 * without parent pids the latest unfinished boot it can follow. User hooks join the latest boot
 * of their process.
 */
final class BootGrouper {

  private final List<Boot> boots = new ArrayList<>();

  /** Adds an event and returns the boot it joined. */
  Boot add(TraceEvent event) {
    Side side = PhaseCatalog.side(event.probe(), event.phase());
    Boot boot =
        switch (side) {
          case RUNTIME -> runtimeBoot(event);
          case CHILD -> childBoot(event);
          case HOOK -> hookBoot(event);
        };
    boot.add(event, side);
    return boot;
  }

  /** Every boot so far, oldest first. */
  List<Boot> boots() {
    return List.copyOf(boots);
  }

  private Boot runtimeBoot(TraceEvent event) {
    int rank = PhaseCatalog.rank(event.phase());
    Boot own = latestOpen(b -> b.isRuntime(event.pid()) && b.runtimeAccepts(rank));
    if (own != null) {
      return own;
    }
    if (event.ppid() != TraceEvent.UNKNOWN_PID) {
      Boot parents = latestOpen(b -> b.isRuntime(event.ppid()) && b.runtimeAccepts(rank));
      if (parents != null) {
        return parents;
      }
    } else if (rank > PhaseCatalog.rank(1)) {
      Boot follows =
          latestOpen(b -> b.hasRuntime() && !b.isRuntime(event.pid()) && b.runtimeAccepts(rank));
      if (follows != null) {
        return follows;
      }
    }
    return newBoot();
  }

  private Boot childBoot(TraceEvent event) {
    int rank = PhaseCatalog.rank(event.phase());
    Boot own = latestOpen(b -> b.isChild(event.pid()) && b.childAccepts(rank));
    if (own != null) {
      return own;
    }
    if (event.ppid() != TraceEvent.UNKNOWN_PID) {
      Boot parents =
          oldestOpen(
              b -> !b.hasChild() && (b.isRuntime(event.ppid()) || b.isRuntime(event.pid())));
      if (parents == null) {
        parents = latestOpen(b -> b.isChild(event.ppid()) && b.childAccepts(rank));
      }
      if (parents != null) {
        return parents;
      }
      // The parent fired no phase (a helper the runtime spawned to clone the child): by fork order.
    }
    Boot forked = oldestOpen(b -> b.forked() && !b.hasChild());
    if (forked == null) {
      forked = latestOpen(b -> b.hasChild() && b.childAccepts(rank));
    }
    return forked != null ? forked : newBoot();
  }

  private Boot hookBoot(TraceEvent event) {
    Boot own = latestOpen(b -> b.isRuntime(event.pid()) || b.isChild(event.pid()));
    if (own == null) {
      for (int i = boots.size() - 1; i >= 0 && own == null; i--) {
        Boot boot = boots.get(i);
        if (boot.isRuntime(event.pid()) || boot.isChild(event.pid())) {
          own = boot;
        }
      }
    }
    return own != null ? own : newBoot();
  }

  private Boot newBoot() {
    Boot boot = new Boot(boots.size() + 1);
    boots.add(boot);
    return boot;
  }

  private interface Match {
    boolean test(Boot boot);
  }

  private Boot latestOpen(Match match) {
    for (int i = boots.size() - 1; i >= 0; i--) {
      Boot boot = boots.get(i);
      if (!boot.isComplete() && match.test(boot)) {
        return boot;
      }
    }
    return null;
  }

  private Boot oldestOpen(Match match) {
    for (Boot boot : boots) {
      if (!boot.isComplete() && match.test(boot)) {
        return boot;
      }
    }
    return null;
  }
}
