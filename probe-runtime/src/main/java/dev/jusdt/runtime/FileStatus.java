package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * One {@code lstat} of a path, with the owner as a number.
 *
 * <p>Through the {@code unix:} attribute view rather than {@code PosixFileAttributes}: the latter's
 * {@code owner()} turns the uid into a name through NSS ({@code getpwuid}), 3-4 ms of a cold JVM's
 * start for a comparison that needs only the number.
 */
final class FileStatus {

  private static final String ATTRIBUTES = "unix:mode,uid,size,ino,ctime";

  private static final int TYPE = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR_FILE = 0100000;
  private static final int SYMBOLIC_LINK = 0120000;
  private static final int GROUP_OR_OTHERS_WRITE = 0022;

  private final int mode;
  private final int uid;
  private final long size;
  private final long inode;
  private final long changedSeconds;
  private final int changedNanos;

  private FileStatus(int mode, int uid, long size, long inode, Instant changed) {
    this.mode = mode;
    this.uid = uid;
    this.size = size;
    this.inode = inode;
    this.changedSeconds = changed.getEpochSecond();
    this.changedNanos = changed.getNano();
  }

  /**
   * The status of {@code path} itself (a symbolic link is not followed), or null if nothing is
   * there.
   */
  static FileStatus of(Path path) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return null;
    }
    return new FileStatus(
        (Integer) attributes.get("mode"),
        (Integer) attributes.get("uid"),
        (Long) attributes.get("size"),
        (Long) attributes.get("ino"),
        // Not FileTime.to(NANOSECONDS): its switch loads a class of its own.
        ((FileTime) attributes.get("ctime")).toInstant());
  }

  /**
   * The effective uid of this process: the owner of {@code /proc/self}, which works in containers
   * where the uid has no {@code /etc/passwd} entry.
   */
  static int currentUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  /**
   * Whether this is a real directory (or, with {@code directory} false, a regular file) owned by
   * {@code owner} and writable by no one else: what no other user can swap for something else.
   */
  boolean isTrusted(boolean directory, int owner) {
    return (mode & TYPE) == (directory ? DIRECTORY : REGULAR_FILE)
        && uid == owner
        && (mode & GROUP_OR_OTHERS_WRITE) == 0;
  }

  boolean isSymbolicLink() {
    return (mode & TYPE) == SYMBOLIC_LINK;
  }

  boolean isDirectory() {
    return (mode & TYPE) == DIRECTORY;
  }

  boolean isRegularFile() {
    return (mode & TYPE) == REGULAR_FILE;
  }

  boolean isWritableByOthers() {
    return (mode & GROUP_OR_OTHERS_WRITE) != 0;
  }

  int uid() {
    return uid;
  }

  long size() {
    return size;
  }

  /**
   * Which inode, as last changed: any write, {@code chmod}, {@code chown} or rename moves the change
   * time ({@code ctime}), which no user can set back.
   */
  String identity() {
    return new StringBuilder(48)
        .append(inode)
        .append(' ')
        .append(changedSeconds)
        .append('.')
        .append(changedNanos)
        .toString();
  }
}
