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
    String number = m.group(1);
    int dot = number.indexOf('.');
    String whole = dot < 0 ? number : number.substring(0, dot);
    String fraction = dot < 0 ? "" : number.substring(dot + 1);
    if (whole.length() > 18 || fraction.length() > 18) {
      return exactly(number, shift);
    }
    long units = Long.parseLong(whole);
    if (units > Long.MAX_VALUE >> shift) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(units << shift | fractionBytes(fraction, shift));
  }

  /**
   * floor(0.FRACTION * 2^shift), one bit at a time.
   *
   * <p>Why not BigDecimal: its class initialisation alone took ~20 ms of a container boot on
   * JDK 25 (interpreted), more than reading the rest of the container file.
   */
  private static long fractionBytes(String fraction, int shift) {
    if (fraction.isEmpty()) {
      return 0;
    }
    long numerator = Long.parseLong(fraction);
    long denominator = 1;
    for (int i = 0; i < fraction.length(); i++) {
      denominator *= 10;
    }
    long bytes = 0;
    for (int bit = 0; bit < shift; bit++) {
      numerator <<= 1; // < 2 * 10^18: fits
      bytes <<= 1;
      if (numerator >= denominator) {
        bytes |= 1;
        numerator -= denominator;
      }
    }
    return bytes;
  }

  /** Numbers too long for a long, exactly; they overflow unless they are mostly zeros. */
  private static OptionalLong exactly(String number, int shift) {
    java.math.BigDecimal bytes = new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(1L << shift));
    try {
      return OptionalLong.of(bytes.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
