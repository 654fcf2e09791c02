package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void oddCountTakesTheMiddleValue() {
    assertThat(Stats.of(List.of(30L, 10L, 20L))).isEqualTo(new Stats(3, 10, 20.0, 30));
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleTwo() {
    assertThat(Stats.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(new Stats(4, 1, 2.5, 4));
  }

  @Test
  void oneValueIsItsOwnMinimumMedianAndMaximum() {
    assertThat(Stats.of(List.of(7L))).isEqualTo(new Stats(1, 7, 7.0, 7));
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
