package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The user-only directories extracted libraries live in: which ones to try, in order, and making
 * sure one is safe to load from.
 */
final class CacheDirectory {

  /** System property naming the cache directory. */
  static final String PROPERTY = "jusdt.cache.dir";

  /** Environment variable naming the cache directory, read if the property is unset. */
  static final String ENVIRONMENT = "JUSDT_CACHE_DIR";

  private final Ownership ownership;

  CacheDirectory(Ownership ownership) {
    this.ownership = ownership;
  }

  /**
   * Where to extract, best first: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code
   * $XDG_CACHE_HOME/jusdt}, else {@code ~/.cache/jusdt}; then {@code <java.io.tmpdir>/jusdt-<user>}
   * for when that one is unusable (often a home directory on a {@code noexec} mount).
   */
  static List<Path> candidates(Settings settings) {
    List<Path> candidates = new ArrayList<>(2);
    Path preferred = preferred(settings);
    if (preferred != null) {
      candidates.add(preferred);
    }
    String tmp = settings.property("java.io.tmpdir");
    if (tmp != null) {
      Path fallback =
          Path.of(tmp)
              .resolve("jusdt-" + safeUserName(settings.property("user.name")))
              .toAbsolutePath();
      if (!fallback.equals(preferred)) {
        candidates.add(fallback);
      }
    }
    return candidates;
  }

  private static Path preferred(Settings settings) {
    String configured = settings.property(PROPERTY);
    if (configured == null) {
      configured = settings.environment(ENVIRONMENT);
    }
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    // The XDG spec says to ignore a relative XDG_CACHE_HOME.
    String xdg = settings.environment("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Path.of(xdg, "jusdt");
    }
    // A JVM sets user.home to "?" for a uid without a passwd entry.
    String home = settings.property("user.home");
    if (home != null && home.startsWith("/")) {
      return Path.of(home, ".cache", "jusdt");
    }
    return null;
  }

  /** The user name as one safe path segment: it comes from the environment, not from us. */
  static String safeUserName(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "unknown";
    }
    StringBuilder safe = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      safe.append(plain ? c : '_');
    }
    return safe.toString();
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
