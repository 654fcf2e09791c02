package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a jar's record of a library ({@link LibraryRecord}) said when this loader last read it, and
 * which file the cached copy of that library was when it was last verified, kept in the cache
 * directory, so that a warm start knows the library's hash without opening the jar and trusts the
 * copy without reading its {@link CachedCopy} stamp.
 *
 * <p>Why: opening a jar that no class loader has open (its classes came from a CDS archive or an
 * AOT cache) parses its whole central directory; for a 1.3 MB jar with its dependencies that was
 * a third of a warm load under {@code -Xint}. A stamp is one small file, {@code
 * jar-<hash of the path>.lib<library>.so.sha256}, holding {@code <sha256> <size> <copy inode>
 * <copy ctime> <jar inode> <jar ctime> <jar size> <jar path>}: it is used only while the jar is
 * the very file it was (its inode, change time and size: any write or replacement moves the change
 * time, which nobody can set back), and only if it is a regular file of this user that no one else
 * can write, like {@link CachedCopy}'s stamps. The copy it points to is still checked by {@link
 * CachedCopy}, against the copy's identity this stamp gives; a copy verified again since then has
 * another, and the start goes the longer way, which writes the stamp anew.
 */
final class JarStamp {

  private static final int LIMIT = 4096;

  private final Path jar;
  private final String identity;

  /** What a current stamp gives (not a record: a record's methods bootstrap invokedynamic). */
  static final class Entry {

    /** The jar's record of the library. */
    final LibraryRecord record;

    /** The cached copy's {@link FileStatus#identity()} when it was last verified. */
    final String copyIdentity;

    Entry(LibraryRecord record, String copyIdentity) {
      this.record = record;
      this.copyIdentity = copyIdentity;
    }
  }

  private JarStamp(Path jar, String identity) {
    this.jar = jar;
    this.identity = identity;
  }

  /** The jar as it is now, or null if it is not a regular file. */
  static JarStamp of(Path jar) throws IOException {
    FileStatus status = FileStatus.of(jar);
    if (status == null || !status.isRegularFile()) {
      return null;
    }
    return new JarStamp(jar, status.identity() + " " + status.size());
  }

  /** Whether the jar is still the file it was when this was taken. */
  boolean isCurrent() throws IOException {
    JarStamp now = of(jar);
    return now != null && now.identity.equals(identity);
  }

  /**
   * What this stamp's jar held for {@code fileName}, if {@code cache} has a stamp of this user's
   * for the jar as it is now; else null.
   */
  Entry lookup(Path cache, String fileName, int uid) throws IOException {
    String text = StampFile.read(cache.resolve(name(fileName)), uid, LIMIT);
    if (text == null || !text.endsWith("\n")) {
      return null;
    }
    // <sha256> <size>, then the copy's <inode> <ctime>, then this jar's identity and path.
    int recordEnd = text.indexOf(' ', text.indexOf(' ') + 1);
    int copyEnd = recordEnd < 0 ? -1 : text.indexOf(' ', text.indexOf(' ', recordEnd + 1) + 1);
    if (copyEnd < 0) {
      return null;
    }
    String expected = identity + " " + jar + "\n";
    boolean sameJar = text.length() == copyEnd + 1 + expected.length()
        && text.startsWith(expected, copyEnd + 1);
    LibraryRecord record = sameJar
        ? LibraryRecord.parse(text.substring(0, recordEnd).getBytes(StandardCharsets.US_ASCII))
        : null;
    return record == null ? null : new Entry(record, text.substring(recordEnd + 1, copyEnd));
  }

  /**
   * Records in {@code cache} that the jar, as this stamp saw it, holds {@code record} for {@code
   * fileName}, whose cached copy was verified as {@code copyIdentity}. Written to a temporary file
   * and renamed into place.
   */
  void write(Path cache, String fileName, LibraryRecord record, String copyIdentity)
      throws IOException {
    StampFile.write(cache.resolve(name(fileName)),
        record.sha256() + " " + record.size() + " " + copyIdentity + " " + identity + " " + jar
            + "\n");
  }

  /** One file per jar path and library: a rebuilt jar overwrites its own. */
  String name(String fileName) {
    return "jar-" + Integer.toHexString(jar.toString().hashCode()) + "." + fileName
        + LibraryRecord.SUFFIX;
  }
}
