package dev.jusdt.runtime;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** The libraries this class loader has been asked to load, by name. */
final class LibraryRegistry {

  private final ConcurrentHashMap<String, LibraryState> libraries = new ConcurrentHashMap<>();
  private final LibraryLoader loader;
  private final Warnings warnings;

  LibraryRegistry(LibraryLoader loader, Warnings warnings) {
    this.loader = loader;
    this.warnings = warnings;
  }

  boolean load(String library, Class<?> anchor) {
    if (library == null || anchor == null) {
      warnings.warn(
          "jusdt: ProbeLibrary.load needs a library name and an anchor class, got "
              + library
              + " and "
              + anchor
              + "; no probes are loaded",
          null);
      return false;
    }
    return state(library).load(loader, anchor, warnings);
  }

  void disable(String library, Throwable cause) {
    if (library != null) {
      state(library).disable(cause, warnings);
    }
  }

  /** Where a library was loaded from, or null. */
  Path path(String library) {
    LibraryState state = library == null ? null : libraries.get(library);
    return state == null ? null : state.path();
  }

  private LibraryState state(String library) {
    // get-then-putIfAbsent rather than computeIfAbsent: a lambda here would pull the
    // invokedynamic bootstrap into every program's start-up.
    LibraryState state = libraries.get(library);
    if (state == null) {
      LibraryState created = new LibraryState(library);
      state = libraries.putIfAbsent(library, created);
      if (state == null) {
        state = created;
      }
    }
    return state;
  }
}
