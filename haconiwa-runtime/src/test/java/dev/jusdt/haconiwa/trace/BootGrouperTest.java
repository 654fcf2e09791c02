package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootGrouperTest {

  @Test
  void theSourceDocumentsTraceIsOneBootOfThreeProcesses() throws Exception {
    List<Boot> boots = Traces.blogBoots();

    assertThat(boots).singleElement().satisfies(boot -> {
      assertThat(boot.rows())
          .containsExactly(
              new Boot.Row(28804, Side.RUNTIME, "haconiwa"),
              new Boot.Row(28806, Side.RUNTIME, "haconiwa"),
              new Boot.Row(28810, Side.CHILD, "haconiwa"));
      assertThat(boot.isComplete()).as("no phase 6 in the excerpt").isFalse();
      assertThat(boot.forkToExecNanos()).hasValue(102950_033817740L - 102949_989952375L);
    });
  }

  @Test
  void parentPidsLinkEachChildToItsRuntimeEvenOutOfForkOrder() {
    List<TraceEvent> a = Traces.boot(100, 101, 0, 10);
    List<TraceEvent> b = Traces.boot(200, 201, 5, 10);
    // B's child starts before A's: the fork-order heuristic would swap them, parent pids do not.
    List<TraceEvent> interleaved = new ArrayList<>();
    interleaved.addAll(a.subList(0, 5));
    interleaved.addAll(b.subList(0, 5));
    interleaved.addAll(b.subList(5, 16));
    interleaved.addAll(a.subList(5, 20));
    interleaved.addAll(b.subList(16, 20));
    BootGrouper grouper = new BootGrouper();
    interleaved.forEach(grouper::add);

    assertThat(grouper.boots()).hasSize(2);
    assertThat(grouper.boots().get(0).rows())
        .extracting(Boot.Row::pid)
        .containsExactly(100, 101);
    assertThat(grouper.boots().get(1).rows())
        .extracting(Boot.Row::pid)
        .containsExactly(200, 201);
    assertThat(grouper.boots()).allMatch(Boot::isComplete);
  }

  @Test
  void withoutParentPidsTheFirstForkedBootGetsTheNextChild() {
    List<TraceEvent> events = new ArrayList<>();
    for (TraceEvent e : Traces.boot(100, 101, 0, 10)) {
      events.add(withoutParent(e));
    }
    for (TraceEvent e : Traces.boot(200, 201, 1000, 10)) {
      events.add(withoutParent(e));
    }
    List<Boot> boots = Traces.group(events);

    assertThat(boots).hasSize(2);
    assertThat(boots.get(0).rows()).extracting(Boot.Row::pid).containsExactly(100, 101);
    assertThat(boots.get(1).rows()).extracting(Boot.Row::pid).containsExactly(200, 201);
  }

  @Test
  void oneProcessFiringBothSidesRepeatedlyMakesOneBootPerRound() {
    List<TraceEvent> events = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      events.addAll(Traces.boot(300, 300, round * 1000L, 10).stream()
          .map(e -> new TraceEvent(e.probe(), 300, 1, "java", e.phase(), e.nanos(), null, null, 0))
          .toList());
    }
    List<Boot> boots = Traces.group(events);

    assertThat(boots).hasSize(3);
    for (Boot boot : boots) {
      assertThat(boot.rows())
          .containsExactly(new Boot.Row(300, Side.RUNTIME, "java"), new Boot.Row(300, Side.CHILD, "java"));
      assertThat(Traces.phases(boot))
          .containsExactly(0, 1, 31, 32, 2, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 3, 4, 5, 6);
      assertThat(boot.isComplete()).isTrue();
    }
  }

  @Test
  void aSecondForkInsideTheContainerStaysInTheBoot() {
    List<TraceEvent> events = new ArrayList<>(Traces.boot(100, 101, 0, 10));
    // Phases 13..21 come from 102, forked by 101 to be pid 1 of a new pid namespace.
    events.replaceAll(e -> e.phase() >= 13 && e.phase() <= 21
        ? Traces.child(102, 101, e.phase(), e.nanos() / 1000)
        : e);
    List<Boot> boots = Traces.group(events);

    assertThat(boots).singleElement().satisfies(boot -> {
      assertThat(boot.rows()).extracting(Boot.Row::pid).containsExactly(100, 101, 102);
      assertThat(boot.forkToExecNanos()).hasValue(110_000L);
    });
  }

  @Test
  void aChildClonedByASilentHelperFallsBackToForkOrder() {
    List<TraceEvent> events = new ArrayList<>(Traces.boot(100, 101, 0, 10));
    // 101's parent is 150, a helper that the runtime spawned and that fires no phase.
    events.replaceAll(e -> e.probe() == Probe.CONTAINERGEN ? Traces.child(101, 150, e.phase(), e.nanos() / 1000) : e);

    assertThat(Traces.group(events)).singleElement()
        .satisfies(boot -> assertThat(boot.rows()).extracting(Boot.Row::pid).containsExactly(100, 101));
  }

  @Test
  void aSupervisorThatForkedJoinsItsParentsBoot() {
    List<TraceEvent> events = new ArrayList<>(Traces.boot(100, 101, 0, 10));
    events.replaceAll(e -> e.probe() == Probe.BOOTTIME && e.phase() != 0 && e.phase() != 1
        ? Traces.runtime(99, 100, e.phase(), e.nanos() / 1000)
        : e.probe() == Probe.CONTAINERGEN ? Traces.child(e.pid(), 99, e.phase(), e.nanos() / 1000) : e);

    assertThat(Traces.group(events)).singleElement()
        .satisfies(boot -> assertThat(boot.rows()).extracting(Boot.Row::pid).containsExactly(100, 99, 101));
  }

  @Test
  void hooksJoinTheirProcesssBoot() {
    List<TraceEvent> events = new ArrayList<>(Traces.boot(100, 101, 0, 10));
    events.add(new TraceEvent(Probe.MISC, 100, 1, "haconiwa", 124, 175_000, null, "hello", 0));
    List<Boot> boots = Traces.group(events);

    assertThat(boots).singleElement().satisfies(boot -> {
      Boot.Step hook = boot.steps().stream().filter(s -> s.side() == Side.HOOK).findFirst().orElseThrow();
      assertThat(hook.event().text()).isEqualTo("hello");
      assertThat(hook.hasDuration()).isFalse();
      // The hook does not cut phase 4 short: 4 lasts until 5.
      assertThat(boot.steps()).filteredOn(s -> s.event().phase() == 4)
          .singleElement().extracting(Boot.Step::durationNanos).isEqualTo(10_000L);
    });
  }

  @Test
  void aChildWithoutItsRuntimeIsABootOfItsOwnEndingAtExec() {
    List<TraceEvent> events = new ArrayList<>();
    for (int phase = 11; phase <= 21; phase++) {
      events.add(Traces.child(400, 399, phase, phase));
    }
    List<Boot> boots = Traces.group(events);

    assertThat(boots).singleElement().satisfies(boot -> {
      assertThat(boot.isComplete()).isTrue();
      assertThat(boot.forkToExecNanos()).isEmpty();
    });
  }

  @Test
  void stepsLastUntilTheNextPhaseOfTheSameSide() throws Exception {
    Boot boot = Traces.blogBoots().get(0);

    assertThat(boot.steps())
        .filteredOn(s -> s.event().phase() == 2)
        .singleElement()
        .satisfies(s -> {
          assertThat(s.nextPhase()).isEqualTo(3);
          assertThat(s.durationNanos()).isEqualTo(102950_033620753L - 102949_989952375L);
        });
    assertThat(boot.steps())
        .filteredOn(s -> s.event().phase() == 20)
        .singleElement()
        .satisfies(s -> assertThat(s.nextPhase()).as("not the runtime's 3").isEqualTo(21));
    assertThat(boot.steps())
        .filteredOn(s -> s.event().phase() == 21)
        .singleElement()
        .satisfies(s -> assertThat(s.hasDuration()).isFalse());
  }

  private static TraceEvent withoutParent(TraceEvent e) {
    return new TraceEvent(Probe.UNKNOWN, e.pid(), TraceEvent.UNKNOWN_PID, e.comm(), e.phase(), e.nanos(), null, null, 0);
  }
}
