package dev.jusdt.plugin.layout;

import java.nio.file.Path;

/**
 * Where one platform's probe libraries live: built under {@code target/jusdt/<platform>/}, and
 * packaged under {@code META-INF/native/<platform>/} of the class output, which is where the
 * runtime loader looks for them in the jar.
 *
 * @param buildDirectory the plugin's build directory, {@code ${project.build.directory}/jusdt}
 * @param nativeOutputDirectory the packaged libraries' root, {@code
 *     ${project.build.outputDirectory}/META-INF/native}
 * @param platform {@code linux-x86_64} or {@code linux-aarch64}
 */
public record NativeLayout(Path buildDirectory, Path nativeOutputDirectory, String platform) {

  /**
   * The library gcc writes.
   *
   * @param library the library name
   * @return {@code <buildDirectory>/<platform>/lib<library>.so}
   */
  public Path builtLibrary(String library) {
    return buildDirectory.resolve(platform).resolve("lib" + library + ".so");
  }

  /**
   * Where the library's sources are compiled to, one object each, before they are linked.
   *
   * @param library the library name
   * @return {@code <buildDirectory>/<platform>/obj/<library>}
   */
  public Path objectDirectory(String library) {
    return buildDirectory.resolve(platform).resolve("obj").resolve(library);
  }

  /**
   * The stamp that records what the built library was compiled from.
   *
   * @param library the library name
   * @return {@code <buildDirectory>/<platform>/lib<library>.stamp}
   */
  public Path stamp(String library) {
    return buildDirectory.resolve(platform).resolve("lib" + library + ".stamp");
  }

  /**
   * The copy the jar plugin packs, and the one {@code probe:verify} and {@code probe:list} read.
   *
   * @param library the library name
   * @return {@code <nativeOutputDirectory>/<platform>/lib<library>.so}
   */
  public Path packagedLibrary(String library) {
    return packagedLibrary(nativeOutputDirectory, platform, library);
  }

  /**
   * The record of the packaged library's SHA-256 and size, which lets the runtime loader find its
   * cached copy without reading or hashing the library.
   *
   * @param library the library name
   * @return {@code <nativeOutputDirectory>/<platform>/lib<library>.so.sha256}
   */
  public Path packagedRecord(String library) {
    Path packaged = packagedLibrary(library);
    return packaged.resolveSibling(packaged.getFileName() + ".sha256");
  }

  /**
   * The packaged copy of a library, for goals that never build one.
   *
   * @param nativeOutputDirectory the packaged libraries' root
   * @param platform {@code linux-x86_64} or {@code linux-aarch64}
   * @param library the library name
   * @return {@code <nativeOutputDirectory>/<platform>/lib<library>.so}
   */
  public static Path packagedLibrary(Path nativeOutputDirectory, String platform, String library) {
    return nativeOutputDirectory.resolve(platform).resolve("lib" + library + ".so");
  }
}
