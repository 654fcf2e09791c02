package dev.jusdt.plugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made manifests where the processor would. */
public final class Manifests {

  private Manifests() {}

  /**
   * Writes {@code <directory>/<library>.json}.
   *
   * @param directory the manifest directory
   * @param library the library name, the file's stem
   * @param json the manifest; single quotes stand for double quotes, to keep tests readable
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path write(Path directory, String library, String json) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(library + ".json");
    Files.writeString(file, json.replace('\'', '"'), StandardCharsets.UTF_8);
    return file;
  }
}
