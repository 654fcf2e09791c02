package dev.jusdt.runtime;

import java.util.function.BooleanSupplier;

/**
 * A class whose initialisation loads a library, found by that library's own {@code JNI_OnLoad}
 * ({@link TestLibraries#compileFindingClass}), as {@code haconiwa}'s binds its natives.
 */
final class ReentrantLoad {

  /** What it returned. */
  static final boolean LOADED = Hook.load.getAsBoolean();

  private ReentrantLoad() {}

  /** Apart from the class: setting a field of ReentrantLoad would initialise it too early. */
  static final class Hook {
    /** What the initialisation runs; set by the test before the library is loaded. */
    static volatile BooleanSupplier load;

    private Hook() {}
  }
}
