package dev.jusdt.haconiwa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
    "2T, 2199023255552",
    "0.1M, 104857",
    "8388607.999999999999999999T, 9223372036854775807",
    "0000000000000000000000001K, 1024"
  })
  void readsBinarySuffixes(String text, long bytes) {
    assertThat(Sizes.parse(text)).hasValue(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "M", "-1", "64 parsecs", "1e3", "99999999999T", "8388608T", "9223372036854775808"})
  void refusesWhatIsNotASize(String text) {
    assertThat(Sizes.parse(text)).isEmpty();
  }

  @Property(tries = 3000)
  void agreesWithExactDecimalArithmetic(@ForAll("sizes") String text) {
    String number = text.replaceAll("[^0-9.]", "");
    int shift = switch (text.charAt(text.length() - 1)) {
      case 'K' -> 10;
      case 'M' -> 20;
      case 'G' -> 30;
      case 'T' -> 40;
      default -> 0;
    };
    BigDecimal exact = new BigDecimal(number).multiply(BigDecimal.valueOf(1L << shift)).setScale(0, RoundingMode.DOWN);
    OptionalLong expected = exact.toBigInteger().bitLength() < 64 ? OptionalLong.of(exact.longValueExact()) : OptionalLong.empty();

    assertThat(Sizes.parse(text)).as(text).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> sizes() {
    Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(21);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(22);
    Arbitrary<String> suffix = Arbitraries.of("", "K", "M", "G", "T");
    return net.jqwik.api.Combinators.combine(whole, fraction, suffix)
        .as((w, f, s) -> w + (f.isEmpty() ? "" : "." + f) + s);
  }
}
