package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReorderTest {

  private static final long HOLD = 50;

  @Test
  void aLaterFiringPrintedFirstIsPutBack() {
    Reorder reorder = new Reorder(HOLD);
    TraceEvent zero = Traces.runtime(1, 0, 0, 10);
    TraceEvent one = Traces.runtime(1, 0, 1, 20);
    reorder.add(one, 0);
    reorder.add(zero, 30);

    assertThat(reorder.release(40)).as("nothing held long enough").isEmpty();
    assertThat(reorder.release(50)).containsExactly(zero, one);
    assertThat(reorder.release(1000)).isEmpty();
  }

  @Test
  void holdsWhatCameAfterTheLatestRipeEvent() {
    Reorder reorder = new Reorder(HOLD);
    TraceEvent early = Traces.runtime(1, 0, 0, 10);
    TraceEvent late = Traces.runtime(1, 0, 1, 20);
    reorder.add(early, 0);
    reorder.add(late, 40);

    assertThat(reorder.release(60)).containsExactly(early);
    assertThat(reorder.drain()).containsExactly(late);
  }
}
