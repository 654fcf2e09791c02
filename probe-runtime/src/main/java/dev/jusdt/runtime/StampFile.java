package dev.jusdt.runtime;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small file in the cache that vouches for another ({@link CachedCopy}'s stamps, {@link
 * JarStamp}s): read only if it is a regular file of this user that no one else can write, written
 * to a temporary file and renamed into place, so a reader sees the old one or the new one.
 */
final class StampFile {

  private StampFile() {}

  /** The text of {@code file}, at most {@code limit} bytes, or null if it is absent or not trusted. */
  static String read(Path file, int uid, int limit) throws IOException {
    FileStatus status = FileStatus.of(file);
    if (status == null || !status.isTrusted(false, uid)) {
      return null;
    }
    // java.io rather than a FileChannel: on a warm start its classes are loaded already.
    try (InputStream in = new FileInputStream(new File(file.toString()))) {
      return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
    }
  }

  /** Replaces {@code file} with {@code text}, user-only. */
  static void write(Path file, String text) throws IOException {
    Path temp =
        file.resolveSibling(
            "." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      // A FileChannel, as the extraction before it used: no stream classes to load.
      try (FileChannel channel =
          FileChannel.open(
              temp,
              LibraryExtractor.CREATE_NEW_OPTIONS,
              LibraryExtractor.OWNER_READ_WRITE_ATTRIBUTE)) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
