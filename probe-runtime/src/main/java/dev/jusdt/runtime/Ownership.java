package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Whether a file or directory may be trusted: owned by the user this JVM runs as, and writable by
 * no one else. Anything else in a cache path could be swapped for another library by someone who is
 * not us between our check and {@code dlopen}.
 */
final class Ownership {

  private final UserPrincipal user;

  Ownership(UserPrincipal user) {
    this.user = user;
  }

  /**
   * The user this process runs as. {@code /proc/self} belongs to the effective uid, which works in
   * containers where the uid has no {@code /etc/passwd} entry and {@code user.name} is {@code ?}.
   */
  static Ownership ofCurrentUser(Settings settings) throws IOException {
    try {
      return new Ownership(
          Files.readAttributes(Path.of("/proc/self"), PosixFileAttributes.class).owner());
    } catch (IOException | UnsupportedOperationException noProc) {
      String name = settings.property("user.name");
      if (name == null) {
        throw new IOException("cannot tell which user this JVM runs as", noProc);
      }
      return new Ownership(
          FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name));
    }
  }

  UserPrincipal user() {
    return user;
  }

  /**
   * Why a path cannot be trusted, or null if it can.
   *
   * @param attributes read with {@code NOFOLLOW_LINKS}, so a symbolic link is seen as one
   * @param directory whether a directory (rather than a regular file) is expected
   */
  String problem(Path path, PosixFileAttributes attributes, boolean directory) {
    if (attributes.isSymbolicLink()) {
      return path
          + " is a symbolic link; it is not followed, since whoever can change it decides"
          + " what gets loaded";
    }
    if (directory ? !attributes.isDirectory() : !attributes.isRegularFile()) {
      return path + " is not a " + (directory ? "directory" : "regular file");
    }
    if (!user.equals(attributes.owner())) {
      return path
          + " is owned by "
          + attributes.owner().getName()
          + ", not by "
          + user.getName()
          + "; another user could replace what is loaded";
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      return path
          + " is writable by its group or by everyone; chmod go-w it or choose another"
          + " directory";
    }
    return null;
  }
}
