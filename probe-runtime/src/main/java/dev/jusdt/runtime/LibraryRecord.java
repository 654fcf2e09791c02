package dev.jusdt.runtime;

import java.nio.charset.StandardCharsets;

/**
 * What the build recorded about a bundled library, in {@code lib<library>.so.sha256} next to it:
 * the SHA-256 of its bytes, in hex, and its size, as {@code <sha256> <size>} on one line.
 *
 * <p>With it the loader knows the content-addressed cache path without reading or hashing the
 * library. probe-maven-plugin's {@code probe:compile} writes it.
 *
 * @param sha256 the lower-case hex SHA-256 of the library
 * @param size its size in bytes
 */
record LibraryRecord(String sha256, long size) {

  /** Appended to the library's resource name. */
  static final String SUFFIX = ".sha256";

  /** Longer than any well-formed record; a larger resource is not one. */
  static final int MAX_LENGTH = 128;

  /** The record in {@code bytes}, or null if they are not one. */
  static LibraryRecord parse(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.US_ASCII).trim();
    int space = text.indexOf(' ');
    if (space != 64 || !isLowerHex(text, 64)) {
      return null;
    }
    long size = 0;
    String digits = text.substring(space + 1);
    if (digits.isEmpty() || digits.length() > 12) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      size = size * 10 + (c - '0');
    }
    return new LibraryRecord(text.substring(0, 64), size);
  }

  private static boolean isLowerHex(String text, int length) {
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  // Written out: the generated ones would bootstrap java.lang.invoke on first use.

  @Override
  public boolean equals(Object other) {
    return other instanceof LibraryRecord that && sha256.equals(that.sha256) && size == that.size;
  }

  @Override
  public int hashCode() {
    return sha256.hashCode() * 31 + Long.hashCode(size);
  }

  @Override
  public String toString() {
    return "LibraryRecord[sha256=" + sha256 + ", size=" + size + "]";
  }
}
