package dev.jusdt.plugin.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a built library where the jar plugin packs it, touching it only when it differs. */
final class LibraryCopier {

  private LibraryCopier() {}

  /** Whether {@code target} is missing or holds other bytes than {@code source}. */
  static boolean differs(Path source, Path target) throws IOException {
    return !Files.isRegularFile(target) || Files.mismatch(source, target) != -1;
  }

  /** Copies {@code source} over {@code target} atomically. */
  static void copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    // Via a sibling and a rename, so that a concurrent reader (an IDE, a test's class path)
    // never sees half a library.
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
