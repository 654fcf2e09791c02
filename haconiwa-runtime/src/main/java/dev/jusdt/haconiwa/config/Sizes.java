package dev.jusdt.haconiwa.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as people write them: {@code 64M}, {@code 1.5G}, {@code 4096}. */
final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /**
   * Parses a size with an optional binary suffix K, M, G or T (KiB, MiB, ... and KB, MB, ...
   * mean the same).
   *
   * @return the size in bytes, or empty if the text is not a size or overflows
   */
  static OptionalLong parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    int shift =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    java.math.BigDecimal bytes = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(1L << shift));
    try {
      return OptionalLong.of(bytes.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
