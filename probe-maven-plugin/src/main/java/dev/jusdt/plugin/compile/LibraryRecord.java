package dev.jusdt.plugin.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes {@code lib<library>.so.sha256} next to a packaged library: {@code <sha256> <size>} on one
 * line, the library's SHA-256 in lower-case hex and its size in bytes.
 *
 * <p>probe-runtime's loader reads it to know the library's content-addressed cache path ({@code
 * ~/.cache/jusdt/<sha256>/lib<library>.so}) without reading and hashing the library on every start;
 * without it, it hashes the library itself.
 */
final class LibraryRecord {

  private LibraryRecord() {}

  /**
   * The record's text for a library.
   *
   * @param library the packaged library's bytes
   * @return {@code <sha256> <size>\n}
   */
  static String of(byte[] library) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(library);
      return HexFormat.of().formatHex(digest) + " " + library.length + "\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Writes the record of {@code library} to {@code record} unless it already says that.
   *
   * @return true if it wrote
   * @throws IOException if it cannot read the library or write the record
   */
  static boolean writeIfDifferent(Path library, Path record) throws IOException {
    String text = of(Files.readAllBytes(library));
    if (Files.isRegularFile(record)
        && Files.readString(record, StandardCharsets.US_ASCII).equals(text)) {
      return false;
    }
    Path temporary = record.resolveSibling(record.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    Files.move(temporary, record, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return true;
  }
}
