package dev.jusdt.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a project's native probe library once, on first use, from a stable path that tracers can
 * attach to before the JVM starts. STUB: being replaced by the real loader.
 */
public final class ProbeLibrary {

  private ProbeLibrary() {}

  /**
   * Loads {@code lib<library>.so}. Idempotent and thread-safe.
   *
   * @param library the library name, without {@code lib} and {@code .so}
   * @param anchor a class whose class loader sees {@code META-INF/native/linux-x86_64/}
   * @return true if the library is loaded; false if probes are no-ops (one warning was logged)
   */
  public static boolean load(String library, Class<?> anchor) {
    return false;
  }

  /**
   * Turns the probes of a loaded library into no-ops after its generated class failed to link to
   * it, logging one warning.
   *
   * @param library the library name
   * @param cause why linking failed
   */
  public static void disable(String library, Throwable cause) {}

  /**
   * The path the library was loaded from.
   *
   * @param library the library name
   * @return the path, or empty if it is not loaded
   */
  public static Optional<Path> path(String library) {
    return Optional.empty();
  }
}
