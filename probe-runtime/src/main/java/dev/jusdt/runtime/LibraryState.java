package dev.jusdt.runtime;

import java.nio.file.Path;

/**
 * One library's outcome in this class loader: tried once, then remembered, with at most one warning
 * however many probe classes ask.
 */
final class LibraryState {

  private final String library;

  // Written under the lock, "settled" last, so a thread that reads settled == true without the
  // lock also sees the usable and path written before it.
  private volatile boolean settled;
  private volatile boolean usable;
  private volatile Path path;

  private boolean warned;
  private boolean anchoredInAnotherLoader;

  /** The thread inside {@link LibraryLoader#load} for this library, guarded by this. */
  private Thread loading;

  LibraryState(String library) {
    this.library = library;
  }

  boolean load(LibraryLoader loader, Class<?> anchor, Warnings warnings) {
    if (settled) {
      return usable;
    }
    synchronized (this) {
      if (!settled && loading == Thread.currentThread()) {
        // The library's own JNI_OnLoad initialised a class that loads it: dlopen has succeeded,
        // and going through the loader again would only repeat every check and System.load.
        return true;
      }
      if (!settled) {
        loading = Thread.currentThread();
        ClassLoader resources = anchor.getClassLoader();
        anchoredInAnotherLoader = resources != LibraryState.class.getClassLoader();
        if (resources == null) {
          resources = ClassLoader.getSystemClassLoader();
        }
        // FileChannel I/O fails on an interrupted thread (ClosedByInterruptException), and an
        // interrupt that happened to be pending during a class's static initialiser must not turn
        // the probes off for the life of the JVM.
        boolean interrupted = Thread.interrupted();
        try {
          path = loader.load(library, anchor, resources);
          usable = true;
        } catch (LoadFailure failure) {
          warnOnce(warnings, failure.getMessage(), failure.getCause());
        } catch (RuntimeException | LinkageError unexpected) {
          // Probes are optional: a bug in this loader must not stop the program it observes.
          warnOnce(
              warnings,
              "jusdt: probes of library '"
                  + library
                  + "' are off: loading it failed unexpectedly: "
                  + unexpected,
              unexpected);
        } finally {
          loading = null;
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
        settled = true;
      }
      return usable;
    }
  }

  synchronized void disable(Throwable cause, Warnings warnings) {
    boolean wasUsable = usable;
    usable = false;
    settled = true;
    String message =
        "jusdt: probes of library '"
            + library
            + "' are off: a probe class could not link to "
            + (path == null ? "it" : path.toString())
            + ": "
            + cause
            + ". ";
    if (cause instanceof IllegalCallerException) {
      // JDK 24+ restricts native access; with --illegal-native-access=deny it throws.
      message +=
          "Start the JVM with --enable-native-access=ALL-UNNAMED (or the probe classes'"
              + " module)";
    } else if (wasUsable && anchoredInAnotherLoader) {
      message +=
          "The JVM binds native methods only to libraries loaded by the class's own class loader,"
              + " and probe-runtime was loaded by a different one: put probe-runtime in the same"
              + " class loader as the probe classes";
    } else {
      message += "Rebuild, so that the library and its probe classes come from one compilation";
    }
    warnOnce(warnings, message, cause);
  }

  Path path() {
    return path;
  }

  private void warnOnce(Warnings warnings, String message, Throwable cause) {
    if (!warned) {
      warned = true;
      warnings.warn(message, cause);
    }
  }
}
