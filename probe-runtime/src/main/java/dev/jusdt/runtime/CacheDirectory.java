package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes sure a directory that extracted libraries live in ({@link CacheLocations}) is safe to load
 * from: created user-only, or checked if it is there.
 */
final class CacheDirectory {

  private final Ownership ownership;

  CacheDirectory(Ownership ownership) {
    this.ownership = ownership;
  }

  /**
   * Creates {@code directory} (and missing parents) readable by its owner only, or checks the one
   * that is there.
   *
   * @return {@code directory}
   * @throws IOException if it cannot be created, or is not a real directory owned by this user and
   *     writable by no one else
   */
  Path prepare(Path directory) throws IOException {
    // Creation is atomic, so a racing JVM or user makes this succeed or fail as "exists"; either
    // way what is there now gets checked, never assumed.
    try {
      Files.createDirectories(directory, OwnerOnly.ATTRIBUTE);
    } catch (FileAlreadyExistsException notADirectory) {
      // A file or a dangling link: the check below says which.
    }
    FileStatus status = FileStatus.of(directory);
    if (status == null) {
      throw new NoSuchFileException(directory.toString(), null, "vanished after it was created");
    }
    String problem = ownership.problem(directory, status, true);
    if (problem != null) {
      throw new IOException(problem);
    }
    return directory;
  }

  /**
   * Apart from the class, so that a warm start, which only asks for {@link #candidates}, does not
   * initialise the permission classes.
   */
  private static final class OwnerOnly {
    static final FileAttribute<Set<PosixFilePermission>> ATTRIBUTE =
        PosixFilePermissions.asFileAttribute(
            EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
  }
}
