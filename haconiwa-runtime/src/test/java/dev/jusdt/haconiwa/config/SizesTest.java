package dev.jusdt.haconiwa.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

  @ParameterizedTest
  @CsvSource({
    "4096, 4096",
    "64K, 65536",
    "64M, 67108864",
    "64m, 67108864",
    "64MiB, 67108864",
    "64 MB, 67108864",
    "1.5G, 1610612736",
    "2T, 2199023255552"
  })
  void readsBinarySuffixes(String text, long bytes) {
    assertThat(Sizes.parse(text)).hasValue(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "M", "-1", "64 parsecs", "1e3", "99999999999T"})
  void refusesWhatIsNotASize(String text) {
    assertThat(Sizes.parse(text)).isEmpty();
  }
}
