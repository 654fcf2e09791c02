package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Puts a library's bytes at a stable path in a checked directory so that every JVM, and a tracer
 * started before any of them, finds one identical file there.
 *
 * <p>The directory is named by the SHA-256 of the bytes, so "the file there has the expected hash"
 * and "the file there holds exactly these bytes" are the same check; comparing the bytes costs no
 * second digest and leaves no doubt about collisions.
 */
final class LibraryExtractor {

  /** r-x------: a finished library is never written again, only replaced by rename. */
  static final Set<PosixFilePermission> OWNER_READ_EXECUTE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE);

  static final Set<OpenOption> CREATE_NEW_OPTIONS =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  /** rw-------: a file being written. */
  static final Set<PosixFilePermission> OWNER_READ_WRITE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  static final FileAttribute<Set<PosixFilePermission>> OWNER_READ_WRITE_ATTRIBUTE =
      PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);

  private static final Path URANDOM = Path.of("/dev/urandom");

  private final Ownership ownership;

  LibraryExtractor(Ownership ownership) {
    this.ownership = ownership;
  }

  /**
   * Makes {@code directory/fileName} hold exactly {@code content}, reusing an intact copy.
   *
   * @param directory a directory checked by {@link CacheDirectory#prepare}, named by the hash
   * @return the file
   * @throws IOException if the file cannot be written or does not read back intact
   */
  Path extract(Path directory, String fileName, byte[] content) throws IOException {
    Path target = directory.resolve(fileName);
    if (isIntact(target, content)) {
      return target;
    }
    Path temp = null;
    try {
      temp = createTemp(directory, fileName, content);
      if (!isIntact(temp, content)) {
        throw new IOException(
            temp + " does not read back as the " + content.length + " bytes written to it");
      }
      Files.setPosixFilePermissions(temp, OWNER_READ_EXECUTE);
      publish(temp, target, content);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp, e);
      throw e;
    }
    deleteQuietly(temp, null);
    return target;
  }

  /**
   * Gives {@code temp} the name {@code target} atomically, so no JVM ever loads a half-written
   * library. A hard link first: it fails rather than replace a copy another JVM published a moment
   * ago, whose inode a tracer may already have attached uprobes to. Only a copy that is not intact
   * is replaced, by rename.
   */
  private void publish(Path temp, Path target, byte[] content) throws IOException {
    try {
      Files.createLink(target, temp);
      return;
    } catch (FileAlreadyExistsException raced) {
      if (isIntact(target, content)) {
        return;
      }
    } catch (IOException | UnsupportedOperationException noHardLinks) {
      // Some file systems (FAT, some FUSE mounts) have no hard links; rename is atomic anyway.
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Whether {@code file} is a trusted regular file holding exactly {@code content}. */
  boolean isIntact(Path file, byte[] content) throws IOException {
    FileStatus status = FileStatus.of(file);
    if (status == null) {
      return false;
    }
    // Checking first also means a FIFO planted at the name is never opened (which would block).
    if (ownership.problem(file, status, false) != null || status.size() != content.length) {
      return false;
    }
    byte[] actual = new byte[content.length];
    ByteBuffer buffer = ByteBuffer.wrap(actual);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          return false;
        }
      }
      // One more byte would mean the file grew after the size check.
      if (channel.read(ByteBuffer.allocate(1)) > 0) {
        return false;
      }
    }
    return Arrays.equals(actual, content);
  }

  /**
   * Creates and fills a new file with an unpredictable name next to the target (CVE-2023-32697,
   * CVE-2021-21290). {@code CREATE_NEW} is {@code O_CREAT|O_EXCL}, and with {@code NOFOLLOW_LINKS}
   * also {@code O_NOFOLLOW}: a file or link planted at the name fails the call instead of being
   * written through. Not {@code Files.createTempFile}: its {@code SecureRandom} initialises the JCA
   * providers, 40-80 ms of a cold start, where eight bytes of {@code /dev/urandom} do.
   */
  private static Path createTemp(Path directory, String fileName, byte[] content)
      throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = directory.resolve("." + fileName + "." + randomHex() + ".tmp");
      FileChannel channel;
      try {
        channel = FileChannel.open(temp, CREATE_NEW_OPTIONS, OWNER_READ_WRITE_ATTRIBUTE);
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 16) {
          throw taken;
        }
        continue;
      }
      try (FileChannel open = channel) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          open.write(buffer);
        }
        // Without it a crash can leave a complete-looking name over an empty or partial file.
        open.force(true);
      } catch (IOException | RuntimeException e) {
        deleteQuietly(temp, e);
        throw e;
      }
      return temp;
    }
  }

  private static String randomHex() throws IOException {
    byte[] random = new byte[8];
    try (FileChannel urandom = FileChannel.open(URANDOM, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.wrap(random);
      while (buffer.hasRemaining()) {
        if (urandom.read(buffer) < 0) {
          throw new IOException(URANDOM + " ended");
        }
      }
    }
    return ContentHash.hex(random);
  }

  private static void deleteQuietly(Path temp, Throwable failure) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
