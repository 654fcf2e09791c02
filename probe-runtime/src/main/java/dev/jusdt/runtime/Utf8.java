package dev.jusdt.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Turns a {@code String} probe argument into the bytes a tracer reads as a C string.
 *
 * <p>The native side copies the bytes and appends a NUL, so a tracer sees standard UTF-8 (not
 * JNI's modified UTF-8, which encodes characters outside the BMP as surrogate pairs). A {@code
 * null} becomes the empty string; an unpaired surrogate becomes {@code ?}; an embedded NUL ends
 * the string as a tracer sees it.
 */
public final class Utf8 {

  private static final byte[] EMPTY = new byte[0];

  private Utf8() {}

  /**
   * Encodes a probe argument.
   *
   * @param value the argument, may be {@code null}
   * @return its UTF-8 bytes, without a terminating NUL
   */
  public static byte[] encode(String value) {
    return value == null ? EMPTY : value.getBytes(StandardCharsets.UTF_8);
  }
}
