package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a file or directory may be trusted: owned by the user this JVM runs as, and writable by
 * no one else. Anything else in a cache path could be swapped for another library by someone who is
 * not us between our check and {@code dlopen}.
 *
 * <p>Users are compared by uid; a name is looked up (through NSS, which costs milliseconds the first
 * time) only to word a refusal.
 */
final class Ownership {

  private final int uid;

  Ownership(int uid) {
    this.uid = uid;
  }

  /**
   * The user this process runs as: the owner of {@code /proc/self}, the effective uid, which works
   * in containers where the uid has no {@code /etc/passwd} entry and {@code user.name} is {@code ?}.
   *
   * @throws IOException if there is no {@code /proc/self} to tell
   */
  static Ownership ofCurrentUser() throws IOException {
    try {
      return new Ownership(FileStatus.currentUid());
    } catch (IOException | RuntimeException noProc) {
      throw new IOException(
          "cannot tell which user this JVM runs as: /proc/self is unreadable (" + noProc + ")",
          noProc);
    }
  }

  int uid() {
    return uid;
  }

  /**
   * Why a path cannot be trusted, or null if it can.
   *
   * @param status read without following a symbolic link, so a link is seen as one
   * @param directory whether a directory (rather than a regular file) is expected
   */
  String problem(Path path, FileStatus status, boolean directory) {
    if (status.isSymbolicLink()) {
      return path
          + " is a symbolic link; it is not followed, since whoever can change it decides"
          + " what gets loaded";
    }
    if (directory ? !status.isDirectory() : !status.isRegularFile()) {
      return path + " is not a " + (directory ? "directory" : "regular file");
    }
    if (status.uid() != uid) {
      return path
          + " is owned by "
          + nameOf(path, status.uid())
          + ", not by uid "
          + uid
          + "; another user could replace what is loaded";
    }
    if (status.isWritableByOthers()) {
      return path
          + " is writable by its group or by everyone; chmod go-w it or choose another"
          + " directory";
    }
    return null;
  }

  private static String nameOf(Path path, int owner) {
    try {
      return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName() + " (uid " + owner + ")";
    } catch (IOException | RuntimeException e) {
      return "uid " + owner;
    }
  }
}
