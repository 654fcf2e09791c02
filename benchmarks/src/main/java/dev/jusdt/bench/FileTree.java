package dev.jusdt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the scratch directories the benchmarks make. */
public final class FileTree {

  private FileTree() {}

  /**
   * Deletes {@code root} and everything under it; nothing if it does not exist. A read-only file
   * (an extracted library) goes too: its directory still lets it be removed.
   *
   * @param root the directory to delete
   * @throws IOException if something under it cannot be deleted
   */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
