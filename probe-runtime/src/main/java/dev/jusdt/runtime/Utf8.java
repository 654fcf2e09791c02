package dev.jusdt.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Turns a {@code String} probe argument into the bytes a tracer reads as a C string.
 *
 * <p>What a tracer sees, for every String argument (tested with bpftrace by the {@code it}
 * module's StringArgumentsTest):
 *
 * <ul>
 *   <li>Standard UTF-8, not JNI's modified UTF-8: a character outside the BMP is its four UTF-8
 *       bytes, not two encoded surrogates.
 *   <li>{@code null} is the empty string {@code ""}, never a null pointer.
 *   <li>An unpaired surrogate becomes {@code ?}, as {@link String#getBytes} does.
 *   <li>An embedded NUL ({@code U+0000}) is the byte 0, so it ends the string as a C reader sees
 *       it; the bytes after it are still in the copy, readable at an offset ({@code str(arg1 + 3)}
 *       in bpftrace).
 *   <li>No length limit on jusdt's side: the native side copies the whole string and appends a
 *       NUL, on the stack up to 255 bytes, on the heap (freed after the probe fires) beyond. If
 *       that allocation fails the tracer sees {@code ""}. Tracers cut strings themselves: bpftrace
 *       reads at most {@code BPFTRACE_STRLEN} bytes (64 by default, NUL included, so 63
 *       characters), bcc its own fixed size.
 * </ul>
 *
 * <p>None of this costs anything while no tracer is attached: the bytes are built only behind the
 * probe's semaphore check.
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
