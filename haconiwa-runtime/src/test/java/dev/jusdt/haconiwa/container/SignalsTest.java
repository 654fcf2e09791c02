package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalsTest {

  @Test
  void namesAndNumbersBothWays() {
    assertThat(Signals.parse("KILL")).hasValue(9);
    assertThat(Signals.parse("sigterm")).hasValue(15);
    assertThat(Signals.parse("10")).hasValue(10);
    assertThat(Signals.parse("NOPE")).isEmpty();
    assertThat(Signals.parse("65")).isEmpty();
    assertThat(Signals.name(9)).isEqualTo("SIGKILL");
    assertThat(Signals.name(36)).isEqualTo("SIGRTMIN+2");
  }
}
