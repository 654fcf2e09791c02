package dev.jusdt.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a project's native probe library once, on first use, from a stable path that tracers can
 * attach to before the JVM starts.
 *
 * <p>Tracers such as bpftrace and bcc attach to USDT probes <em>by file path</em>, so unlike
 * loaders that extract to a random temporary file, this one extracts to a path named by the
 * library's content, which is the same for every JVM running the same build:
 *
 * <pre>{@code
 * bpftrace -e 'usdt:/home/me/.cache/jusdt/<sha256>/libhaconiwa.so:haconiwa:probe-boottime { ... }'
 * }</pre>
 *
 * <p>{@link ProbeLibraries} prints that path without starting the program.
 *
 * <h2>Where the library comes from</h2>
 *
 * <ol>
 *   <li>If the system property {@code jusdt.library.<library>.path} or else the environment
 *       variable {@code JUSDT_LIBRARY_<LIBRARY>_PATH} (the name upper-cased, every character other
 *       than {@code A-Z} and {@code 0-9} replaced by {@code _}) names a file, that file is loaded,
 *       with no fallback, on any platform.
 *   <li>Otherwise, on Linux x86-64 or AArch64 (elsewhere probes are off, with a warning), the
 *       resource {@code META-INF/native/linux-x86_64/lib<library>.so} ({@code linux-aarch64} on
 *       ARM) is read through the anchor class's class loader and extracted to {@code
 *       <cache>/<sha256 of its bytes>/lib<library>.so}, where {@code <cache>} is the system
 *       property {@code jusdt.cache.dir}, else the environment variable {@code JUSDT_CACHE_DIR},
 *       else {@code $XDG_CACHE_HOME/jusdt}, else {@code ~/.cache/jusdt}. If that directory cannot
 *       be used (cannot be created, not safe, or on a {@code noexec} mount), {@code
 *       <java.io.tmpdir>/jusdt-<user.name>} is tried next.
 * </ol>
 *
 * <h2>Safety</h2>
 *
 * <p>Cache directories are created {@code rwx------}; a directory (or file) that is a symbolic
 * link, is owned by another user, or is writable by its group or by everyone is refused. A new
 * copy is written to a randomly named temporary file in the same directory, synced, read back, made
 * {@code r-x------} and then linked or renamed into place atomically, so two JVMs extracting at
 * once both load one identical, complete file. A copy already in the cache is compared byte for
 * byte with the jar's before it is first trusted; a damaged or replaced copy is replaced.
 *
 * <h2>Warm starts</h2>
 *
 * <p>{@code probe:compile} also records the library's SHA-256 and size next to it ({@code
 * lib<library>.so.sha256}). With that record in the generated class's own jar or directory, a
 * later start reads neither the jar's copy nor the cached one: it loads the cached copy if it is a
 * regular file of the recorded size, owned by this user and writable by no one else, in
 * directories that are too, and still the very file (same inode, same change time) that an earlier
 * start compared with the jar's bytes, as a stamp next to it ({@code lib<library>.so.verified})
 * says. Any write into the copy, even one that keeps its size, moves its change time, which no one
 * can set back, and the next start compares it in full again. A start from a jar it has seen
 * before, unchanged, does not open the jar at all: a stamp in the cache names the record and the
 * copy's inode and change time as they were then. What this gives up: someone who can write
 * files as this user (or root) can now change the copy and its stamps together, unnoticed; they can
 * change what the JVM runs in other ways too (its class path, its environment). Without the record
 * (a jar built otherwise), every start compares the copy as before.
 *
 * <h2>Failures</h2>
 *
 * <p>Nothing here throws. If a library cannot be loaded, its probes are no-ops and exactly one
 * warning per library goes to the {@link System.Logger} named {@code dev.jusdt.runtime}, saying
 * what happened and what to do.
 *
 * <h2>Class loaders</h2>
 *
 * <p>The JVM lets one class loader load a given native library file: if a second copy of
 * probe-runtime, in another class loader (a second web application, say), loads the same library,
 * {@code System.load} fails with "already loaded in another classloader"; this class then warns
 * once and returns {@code false}, and the second loader's probes are no-ops for as long as it
 * lives, even after the first is gone. The JVM also binds a class's {@code native} methods only to
 * libraries loaded by that class's own loader, and the library is loaded by probe-runtime's
 * loader: keep probe-runtime and the probe classes in the same class loader.
 *
 * <p>When the class loader that loaded the library is garbage collected, the JVM unloads the
 * library ({@code dlclose}; it leaves {@code /proc/<pid>/maps}). A class loader created after that
 * loads it again from the same path, and its probes work: the kernel raises the semaphores of the
 * new mapping for a tracer that attached by path, without the tracer doing anything. (Tested with
 * JDK 17 and 25 by the {@code it} module's ClassLoadersTest.)
 *
 * <p>On JDK 24 and later, loading a native library is a restricted operation: start the JVM with
 * {@code --enable-native-access=ALL-UNNAMED} (or name the module holding probe-runtime) to avoid a
 * warning now and a failure in later releases.
 */
public final class ProbeLibrary {

  private static final LibraryRegistry LIBRARIES =
      new LibraryRegistry(new LibraryLoader(Settings.system()), Warnings.toSystemLogger());

  private ProbeLibrary() {}

  /**
   * Loads {@code lib<library>.so} the first time it is asked for, and answers from memory after
   * that. Idempotent and thread-safe; never throws.
   *
   * @param library the library name, without {@code lib} and {@code .so}
   * @param anchor a class whose class loader sees {@code META-INF/native/linux-x86_64/}
   * @return true if the library is loaded; false if probes are no-ops (one warning was logged)
   */
  public static boolean load(String library, Class<?> anchor) {
    return LIBRARIES.load(library, anchor);
  }

  /**
   * Turns the probes of a loaded library into no-ops after its generated class failed to link to it
   * (an {@link UnsatisfiedLinkError}, say), logging one warning. {@link #load} returns false for it
   * from then on; {@link #path} still reports where it was loaded from.
   *
   * @param library the library name
   * @param cause why linking failed
   */
  public static void disable(String library, Throwable cause) {
    LIBRARIES.disable(library, cause);
  }

  /**
   * The path the library was loaded from: the canonical path, as {@code /proc/<pid>/maps} shows it
   * and as a tracer can attach to.
   *
   * @param library the library name
   * @return the path, or empty if it is not loaded
   */
  public static Optional<Path> path(String library) {
    return Optional.ofNullable(LIBRARIES.path(library));
  }
}
