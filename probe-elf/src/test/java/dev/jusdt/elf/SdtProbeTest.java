package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A probe prints its arguments as readelf does and cannot be changed after reading. */
class SdtProbeTest {

  private static final List<SdtArgument> ARGUMENTS =
      List.of(
          new SdtArgument(8, true, "%rax"),
          new SdtArgument(8, true, "%rdx"),
          new SdtArgument(8, false, "-16(%rbp)"));

  @Test
  void argumentTextJoinsTokensWithSingleSpaces() {
    SdtProbe probe = new SdtProbe("p", "n", 1, 2, 0, ARGUMENTS);

    assertThat(probe.argumentText()).isEqualTo("-8@%rax -8@%rdx 8@-16(%rbp)");
  }

  @Test
  void probeWithoutArgumentsHasEmptyArgumentText() {
    assertThat(new SdtProbe("p", "n", 1, 2, 0, List.of()).argumentText()).isEmpty();
  }

  @Test
  void hasSemaphoreOnlyWhenTheAddressIsNonZero() {
    assertThat(new SdtProbe("p", "n", 1, 2, 0, List.of()).hasSemaphore()).isFalse();
    assertThat(new SdtProbe("p", "n", 1, 2, 0x4000, List.of()).hasSemaphore()).isTrue();
    assertThat(new SdtProbe("p", "n", 1, 2, -1L, List.of()).hasSemaphore()).isTrue();
  }

  @Test
  void argumentsAreACopyThatCannotBeModified() {
    List<SdtArgument> mutable = new ArrayList<>(ARGUMENTS);
    SdtProbe probe = new SdtProbe("p", "n", 1, 2, 0, mutable);
    mutable.clear();

    assertThat(probe.arguments()).hasSize(3);
    assertThatThrownBy(() -> probe.arguments().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
