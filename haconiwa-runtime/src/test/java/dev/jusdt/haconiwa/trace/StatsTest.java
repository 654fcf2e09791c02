package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void oddCountTakesTheMiddleValue() {
    assertThat(Stats.of(List.of(30L, 10L, 20L))).isEqualTo(new Stats(3, 10, 20.0, 30, 30));
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleTwo() {
    assertThat(Stats.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(new Stats(4, 1, 2.5, 4, 4));
  }

  @Test
  void oneValueIsItsOwnMinimumMedianAndMaximum() {
    assertThat(Stats.of(List.of(7L))).isEqualTo(new Stats(1, 7, 7.0, 7, 7));
  }

  @Test
  void the95thPercentileIsTheNearestRank() {
    List<Long> values = new java.util.ArrayList<>();
    for (long v = 100; v >= 1; v--) {
      values.add(v);
    }
    assertThat(Stats.of(values).p95()).isEqualTo(95);
    values.add(101L);
    // 101 values: rank ceil(95.95) = 96.
    assertThat(Stats.of(values).p95()).isEqualTo(96);
    assertThat(Stats.of(values.subList(0, 20)).p95()).as("100..81: rank 19").isEqualTo(99);
  }

  @Test
  void medianOfHugeValuesDoesNotOverflow() {
    assertThat(Stats.of(List.of(Long.MAX_VALUE, Long.MAX_VALUE)).median())
        .isEqualTo((double) Long.MAX_VALUE);
  }

  @Test
  void noValuesIsAnError() {
    assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
