package dev.jusdt.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a jar's record of a library ({@link LibraryRecord}) said when this loader last read it, kept
 * in the cache directory, so that a warm start knows the library's hash without opening the jar.
 *
 * <p>Why: opening a jar that no class loader has open (its classes came from a CDS archive or an
 * AOT cache) parses its whole central directory; for a 1.3 MB jar with its dependencies that was
 * a third of a warm load under {@code -Xint}. A stamp is one small file, {@code
 * jar-<hash of the path>.lib<library>.so.sha256}, holding {@code <sha256> <size> <inode> <ctime>
 * <jar size> <jar path>}: it is used only while the jar is the very file it was (its inode, change
 * time and size: any write or replacement moves the change time, which nobody can set back), and
 * only if it is a regular file of this user that no one else can write, like {@link CachedCopy}'s
 * stamps. The copy it points to is still checked by {@link CachedCopy} before it is loaded.
 */
final class JarStamp {

  private static final int LIMIT = 4096;

  private final Path jar;
  private final String identity;

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
   * The record this stamp's jar held for {@code fileName}, if {@code cache} has a stamp of this
   * user's for the jar as it is now; else null.
   */
  LibraryRecord lookup(Path cache, String fileName, int uid) throws IOException {
    String text = StampFile.read(cache.resolve(name(fileName)), uid, LIMIT);
    if (text == null) {
      return null;
    }
    int recordEnd = text.indexOf(' ', text.indexOf(' ') + 1);
    if (recordEnd < 0 || !text.endsWith("\n")) {
      return null;
    }
    String expected = identity + " " + jar + "\n";
    boolean sameJar = text.length() == recordEnd + 1 + expected.length()
        && text.startsWith(expected, recordEnd + 1);
    if (!sameJar) {
      return null;
    }
    return LibraryRecord.parse(text.substring(0, recordEnd).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Records in {@code cache} that the jar, as this stamp saw it, holds {@code record} for {@code
   * fileName}. Written to a temporary file and renamed into place.
   */
  void write(Path cache, String fileName, LibraryRecord record) throws IOException {
    StampFile.write(cache.resolve(name(fileName)),
        record.sha256() + " " + record.size() + " " + identity + " " + jar + "\n");
  }

  /** One file per jar path and library: a rebuilt jar overwrites its own. */
  String name(String fileName) {
    return "jar-" + Integer.toHexString(jar.toString().hashCode()) + "." + fileName
        + LibraryRecord.SUFFIX;
  }
}
