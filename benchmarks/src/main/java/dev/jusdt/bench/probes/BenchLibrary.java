package dev.jusdt.bench.probes;

import dev.jusdt.runtime.ProbeLibrary;
import java.nio.file.Path;

/** The {@code libbench.so} the generated classes load, for the hand-written JNI baselines. */
public final class BenchLibrary {

  /** The library name given to the processor ({@code -Ajusdt.library=bench}). */
  public static final String NAME = "bench";

  private BenchLibrary() {}

  /**
   * Loads the library through the generated class, as an application would, and returns its path.
   *
   * @return the path a tracer attaches to
   * @throws IllegalStateException if it could not be loaded: a baseline would then measure nothing
   */
  public static Path require() {
    // First use of the generated class loads the library (its static initializer).
    UsdtTypedProbes.INSTANCE.isLongsEnabled();
    return ProbeLibrary.path(NAME)
        .orElseThrow(
            () -> new IllegalStateException(
                "libbench.so did not load (see the jusdt warning above); build with"
                    + " ./mvnw -pl benchmarks -am package on Linux with gcc and systemtap-sdt-dev"));
  }
}
