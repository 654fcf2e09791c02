package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trusts a library already in the cache on its metadata alone, so that a warm start reads neither
 * the jar's copy nor the cached one.
 *
 * <p>A copy is trusted if the cache directory and its hash directory are real directories, the
 * library a regular file, all owned by this user and writable by no one else, the library has the
 * size the build recorded, and a stamp next to it, {@code lib<library>.so.verified}, names the
 * library's inode and change time ({@code ctime}) as they were when this loader last compared the
 * copy byte for byte with the jar's. Any write into the library, even one that keeps its size,
 * moves its change time, and nobody can set that back, so the stamp no longer matches and the next
 * start verifies the copy in full again (and replaces it if it differs).
 *
 * <p>What this gives up against comparing every time: someone who can write files as this user
 * (or root) can change the library <em>and</em> rewrite the stamp to match, and the change is then
 * loaded. The same person can already change what this JVM runs in many other ways (its class
 * path, its environment, {@code LD_PRELOAD}), so the cache stays as safe as the user's own files;
 * another user still cannot touch it, which the ownership and permission checks guarantee.
 */
final class CachedCopy {

  /** Appended to the library's file name for its stamp. */
  static final String STAMP_SUFFIX = ".verified";

  private static final int STAMP_LIMIT = 64;

  private final int uid;

  CachedCopy(int uid) {
    this.uid = uid;
  }

  /** The uid whose files are trusted. */
  int uid() {
    return uid;
  }

  /**
   * Whether {@code file} (in a hash directory in {@code cache}) can be loaded as it is.
   *
   * @param size the size the build recorded
   */
  boolean isTrusted(Path cache, Path file, long size) throws IOException {
    return isTrusted(cache, file, size, null);
  }

  /**
   * Whether {@code file} (in a hash directory in {@code cache}) can be loaded as it is, with the
   * identity it had when it was last verified given, as a {@link JarStamp} gives it, so its own
   * stamp need not be read.
   *
   * @param size the size the build recorded
   * @param verifiedAs its {@link FileStatus#identity()} when it was last verified, or null to read
   *     that from its stamp
   */
  boolean isTrusted(Path cache, Path file, long size, String verifiedAs) throws IOException {
    Path hashDirectory = file.getParent();
    FileStatus library = FileStatus.of(file);
    if (library == null || !library.isTrusted(false, uid) || library.size() != size) {
      return false;
    }
    FileStatus directory = FileStatus.of(hashDirectory);
    FileStatus root = FileStatus.of(cache);
    if (directory == null
        || !directory.isTrusted(true, uid)
        || root == null
        || !root.isTrusted(true, uid)) {
      return false;
    }
    return library.identity().equals(verifiedAs != null ? verifiedAs : verifiedIdentity(file));
  }

  /**
   * Records that {@code file} has just been compared with the jar's bytes, so later starts may trust
   * it on its metadata. Written to a temporary file and renamed into place, so a reader sees the
   * old stamp or the new one.
   */
  void stamp(Path file) throws IOException {
    FileStatus status = FileStatus.of(file);
    if (status == null) {
      return;
    }
    StampFile.write(stampOf(file), status.identity());
  }

  /** What {@code file}'s stamp says it was when last verified, or null if it has no trusted one. */
  String verifiedIdentity(Path file) throws IOException {
    return StampFile.read(stampOf(file), uid, STAMP_LIMIT);
  }

  static Path stampOf(Path file) {
    return file.resolveSibling(file.getFileName() + STAMP_SUFFIX);
  }
}
