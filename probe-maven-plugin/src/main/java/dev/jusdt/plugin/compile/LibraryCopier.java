package dev.jusdt.plugin.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a built library where the jar plugin packs it, touching it only when it differs. */
final class LibraryCopier {

  private LibraryCopier() {}

  /**
   * Copies a file unless the target already has the same bytes.
   *
   * @param source the built library
   * @param target its place under {@code META-INF/native/<platform>/}
   * @return true if it copied, false if the target was already identical
   * @throws IOException if it cannot compare or copy
   */
  static boolean copyIfDifferent(Path source, Path target) throws IOException {
    if (Files.isRegularFile(target) && Files.mismatch(source, target) == -1) {
      return false;
    }
    Files.createDirectories(target.getParent());
    // Via a sibling and a rename, so that a concurrent reader (an IDE, a test's class path)
    // never sees half a library.
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return true;
  }
}
