package dev.jusdt.plugin.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over everything that decides a library's bytes: the command line (compiler path and
 * every argument, which holds every path) and the content of every input file. A library whose
 * stamp matches is not rebuilt; timestamps are not trusted, since a checkout or a generated file
 * rewritten with the same content would change them without changing the library.
 */
final class BuildStamp {

  private BuildStamp() {}

  /**
   * The digest of a build.
   *
   * @param commandLine the full command line, program first
   * @param inputs the input files, in a stable order
   * @return the lowercase hex SHA-256
   * @throws IOException if an input cannot be read
   */
  static String digest(List<String> commandLine, List<Path> inputs) throws IOException {
    MessageDigest sha256 = sha256();
    for (String word : commandLine) {
      field(sha256, "arg", word.getBytes(StandardCharsets.UTF_8));
    }
    byte[] buffer = new byte[8192];
    for (Path input : inputs) {
      field(sha256, "file", input.toString().getBytes(StandardCharsets.UTF_8));
      // Length-prefixing each field keeps "ab"+"c" and "a"+"bc" apart.
      sha256.update(longBytes(Files.size(input)));
      try (InputStream in = Files.newInputStream(input)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * Whether a stamp file holds a digest.
   *
   * @param stamp the stamp file; need not exist
   * @param digest the digest of the build about to run
   * @return true if the file exists and holds exactly that digest
   * @throws IOException if the file exists but cannot be read
   */
  static boolean matches(Path stamp, String digest) throws IOException {
    return Files.isRegularFile(stamp)
        && Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(digest);
  }

  /**
   * Records a successful build.
   *
   * @param stamp the stamp file
   * @param digest the build's digest
   * @throws IOException if it cannot be written
   */
  static void write(Path stamp, String digest) throws IOException {
    Path temporary = stamp.resolveSibling(stamp.getFileName() + ".tmp");
    Files.writeString(temporary, digest + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, stamp, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static void field(MessageDigest sha256, String tag, byte[] value) {
    sha256.update(tag.getBytes(StandardCharsets.US_ASCII));
    sha256.update(longBytes(value.length));
    sha256.update(value);
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
