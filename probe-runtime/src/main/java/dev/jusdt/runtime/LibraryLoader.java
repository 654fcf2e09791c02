package dev.jusdt.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and loads one native library, in the order of netty's {@code NativeLibraryLoader}: an
 * explicit override path, else the jar's copy extracted to a content-addressed cache path.
 *
 * <p>{@code System.load} is called from this class, so the library belongs to probe-runtime's class
 * loader; the JVM binds a class's {@code native} methods only to libraries of that class's own
 * loader.
 */
final class LibraryLoader {

  private static final String ANOTHER_CLASS_LOADER = "another classloader";

  private final Settings settings;

  LibraryLoader(Settings settings) {
    this.settings = settings;
  }

  /**
   * Loads {@code lib<library>.so}.
   *
   * @param library a name as in {@code System.loadLibrary}
   * @param resources the class loader that sees the jar's {@code META-INF/native/}
   * @return the real (canonical) path the library was loaded from
   * @throws LoadFailure if it was not loaded, with a message that says what to do
   */
  Path load(String library, ClassLoader resources) throws LoadFailure {
    return load(library, null, resources);
  }

  /**
   * Loads {@code lib<library>.so}, from the cache without reading the jar if the build recorded the
   * library's hash next to it in {@code anchor}'s own class path entry and the cache holds a copy
   * this loader verified before ({@link CachedCopy}).
   *
   * @param library a name as in {@code System.loadLibrary}
   * @param anchor the generated class that asks, or null to look only through {@code resources}
   * @param resources the class loader that sees the jar's {@code META-INF/native/}
   * @return the real (canonical) path the library was loaded from
   * @throws LoadFailure if it was not loaded, with a message that says what to do
   */
  Path load(String library, Class<?> anchor, ClassLoader resources) throws LoadFailure {
    checkName(library);
    // Before the platform check: someone who built the library for, say, linux-riscv64 can
    // still use it.
    LibraryOverride override = LibraryOverride.find(library, settings);
    if (override != null) {
      return loadOverride(library, override);
    }
    String fileName = "lib" + library + ".so";
    String platform = Platform.current(settings);
    if (platform == null) {
      throw new LoadFailure(
          off(library)
              + "there is no native build for os.name="
              + settings.property("os.name")
              + ", os.arch="
              + settings.property("os.arch")
              + " (USDT probes exist on "
              + Platform.LINUX_X86_64
              + " and "
              + Platform.LINUX_AARCH64
              + " only, or from -D"
              + LibraryOverride.propertyName(library)
              + "); the program runs normally without them",
          null);
    }
    String resource = Platform.resourceName(platform, fileName);
    BundledCopy bundled = anchor == null ? null : BundledCopy.of(anchor);
    JarStamp jar = bundled == null ? null : jarStamp(bundled);
    CachedCopy trusted = cachedCopy();
    if (jar != null && trusted != null) {
      Path cached = loadStamped(library, fileName, jar, trusted);
      if (cached != null) {
        return cached;
      }
    }
    byte[] content = null;
    if (bundled != null) {
      try {
        LibraryRecord record =
            LibraryRecord.parse(
                bundled.read(resource + LibraryRecord.SUFFIX, LibraryRecord.MAX_LENGTH));
        if (record != null && trusted != null) {
          Path cached = loadVerifiedBefore(library, fileName, record, jar, trusted);
          if (cached != null) {
            return cached;
          }
        }
        content = bundled.read(resource, Integer.MAX_VALUE - 8);
      } catch (IOException e) {
        // Only the fast way failed; the class loader may still read the jar.
        content = null;
      }
    }
    if (content == null) {
      content = read(library, resource, resources);
      jar = null;
    }
    return extractAndLoad(library, fileName, resource, content, jar, trusted);
  }

  /** The anchor's jar as it is now, or null (a directory, or not one to tell). */
  private static JarStamp jarStamp(BundledCopy bundled) {
    Path file = bundled.jar();
    try {
      return file == null ? null : JarStamp.of(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** What decides whether a cached copy is trusted, or null if this user's uid cannot be told. */
  private static CachedCopy cachedCopy() {
    try {
      return new CachedCopy(FileStatus.currentUid());
    } catch (IOException | RuntimeException noProcOrNoUnixView) {
      return null;
    }
  }

  /**
   * The warmest start: the record the jar held when it was last read, from a {@link JarStamp} in
   * the cache directory that holds the copy, loaded as {@link #loadVerifiedBefore} does. Null if
   * there is no current stamp.
   */
  private Path loadStamped(String library, String fileName, JarStamp jar, CachedCopy trusted)
      throws LoadFailure {
    for (Path directory : CacheLocations.candidates(settings)) {
      JarStamp.Entry stamped;
      try {
        stamped = jar.lookup(directory, fileName, trusted.uid());
      } catch (IOException | RuntimeException e) {
        continue;
      }
      Path cached = stamped == null
          ? null
          : loadTrusted(
              library, trusted, directory, fileName, stamped.record, stamped.copyIdentity);
      if (cached != null) {
        return cached;
      }
    }
    return null;
  }

  /**
   * The warm start: loads a copy the cache holds under the recorded hash and that an earlier JVM
   * compared with the jar's bytes, trusting it on its metadata ({@link CachedCopy}). Null if there
   * is none, or it does not load; the full path then verifies, extracts and explains.
   */
  private Path loadVerifiedBefore(String library, String fileName, LibraryRecord record,
      JarStamp jar, CachedCopy trusted) throws LoadFailure {
    for (Path directory : CacheLocations.candidates(settings)) {
      Path cached = loadTrusted(library, trusted, directory, fileName, record, null);
      if (cached != null) {
        remember(jar, trusted, directory, fileName, record);
        return cached;
      }
    }
    return null;
  }

  /**
   * The copy of {@code record} in {@code directory}, loaded if it is trusted ({@code verifiedAs}
   * as {@link CachedCopy#isTrusted(Path, Path, long, String)} takes it); else null.
   */
  private static Path loadTrusted(String library, CachedCopy trusted, Path directory,
      String fileName, LibraryRecord record, String verifiedAs) throws LoadFailure {
    Path file = copyOf(directory, record, fileName);
    try {
      if (!trusted.isTrusted(directory, file, record.size(), verifiedAs)) {
        return null;
      }
      System.load(file.toString());
      return loadedPath(file);
    } catch (UnsatisfiedLinkError e) {
      if (String.valueOf(e.getMessage()).contains(ANOTHER_CLASS_LOADER)) {
        throw anotherClassLoader(library, file, e, null);
      }
      // A noexec mount, say: the full path tries every directory and says why.
    } catch (IOException | SecurityException | ClassCastException e) {
      // Unreadable metadata is no reason to trust, nor to give up: verify in full.
    } catch (IllegalCallerException e) {
      throw nativeAccessDenied(library, e, null);
    }
    return null;
  }

  private Path loadOverride(String library, LibraryOverride override) throws LoadFailure {
    try {
      System.load(override.path.toString());
      return loadedPath(override.path);
    } catch (IllegalCallerException e) {
      throw nativeAccessDenied(library, e, null);
    } catch (UnsatisfiedLinkError | SecurityException e) {
      if (e instanceof UnsatisfiedLinkError
          && String.valueOf(e.getMessage()).contains(ANOTHER_CLASS_LOADER)) {
        throw anotherClassLoader(library, override.path, e, null);
      }
      throw new LoadFailure(
          off(library)
              + "cannot load "
              + override.path
              + ", which "
              + override.source
              + " names: "
              + e.getMessage()
              + ". An override has no fallback: fix the path, or unset it to use the library"
              + " in the jar",
          e);
    }
  }

  private static byte[] read(String library, String resource, ClassLoader resources)
      throws LoadFailure {
    try (InputStream in = resources.getResourceAsStream(resource)) {
      if (in != null) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new LoadFailure(off(library) + "cannot read " + resource + ": " + e.getMessage(), e);
    }
    throw new LoadFailure(
        off(library)
            + resource
            + " is not on the class path of "
            + resources
            + ". Package the library that probe-maven-plugin builds into the jar, or point -D"
            + LibraryOverride.propertyName(library)
            + " (or "
            + LibraryOverride.environmentName(library)
            + ") at a "
            + "lib"
            + library
            + ".so",
        null);
  }

  private Path extractAndLoad(String library, String fileName, String resource, byte[] content,
      JarStamp jar, CachedCopy trusted) throws LoadFailure {
    String hash = ContentHash.sha256Hex(content);
    List<Path> candidates = CacheLocations.candidates(settings);
    StringBuilder tried = new StringBuilder();
    Throwable last = null;
    boolean noexec = false;
    LibraryExtractor extractor = null;
    CacheDirectory cache = null;
    for (int i = 0; i < candidates.size(); i++) {
      Path directory = candidates.get(i);
      Path file = null;
      try {
        if (cache == null) {
          Ownership ownership = Ownership.ofCurrentUser();
          cache = new CacheDirectory(ownership);
          extractor = new LibraryExtractor(ownership);
        }
        Path hashDirectory = cache.prepare(cache.prepare(directory).resolve(hash));
        file = extractor.extract(hashDirectory, fileName, content);
        System.load(file.toString());
        stamp(trusted, file);
        remember(jar, trusted, directory, fileName, new LibraryRecord(hash, content.length));
        return loadedPath(file);
      } catch (UnsatisfiedLinkError e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(ANOTHER_CLASS_LOADER)) {
          throw anotherClassLoader(library, file, e, last);
        }
        // Any other dlopen error may be this directory's mount; the next one may be fine.
        noexec |= looksLikeNoexec(message);
        last = attach(e, last);
        describe(tried, directory, message);
      } catch (IOException | SecurityException e) {
        last = attach(e, last);
        // Our own IOExceptions are sentences; the JDK's subclasses often say only the path
        // (AccessDeniedException: /x), so their class name is the reason.
        describe(
            tried,
            directory,
            e.getClass() == IOException.class && e.getMessage() != null
                ? e.getMessage()
                : e.toString());
      } catch (IllegalCallerException e) {
        throw nativeAccessDenied(library, e, last);
      }
    }
    throw new LoadFailure(
        off(library)
            + "could not extract and load "
            + resource
            + " (sha256 "
            + hash
            + ") in any cache directory; tried:"
            + tried
            + "\nSet -D"
            + CacheLocations.PROPERTY
            + "=DIR (or "
            + CacheLocations.ENVIRONMENT
            + "=DIR) to a directory that you own, that no one else can write to"
            + (noexec ? ", on a file system mounted with exec (not noexec)" : "")
            + ", or point -D"
            + LibraryOverride.propertyName(library)
            + " at a copy of the library",
        last);
  }

  /**
   * Lets later starts trust the copy just compared byte for byte with the jar's ({@link
   * CachedCopy}); if that fails they only verify it in full again.
   */
  private static void stamp(CachedCopy trusted, Path file) {
    if (trusted == null) {
      return;
    }
    try {
      trusted.stamp(file);
    } catch (IOException | RuntimeException e) {
      // Costs the next start its shortcut, nothing else.
    }
  }

  /**
   * Lets later starts find the library of {@code jar} without opening it, and trust its copy in
   * {@code directory} without reading the copy's stamp ({@link JarStamp}), if the jar is still the
   * file it was before it was read; if that fails they only open it again.
   */
  private static void remember(JarStamp jar, CachedCopy trusted, Path directory, String fileName,
      LibraryRecord record) {
    if (jar == null || trusted == null) {
      return;
    }
    try {
      String copy = trusted.verifiedIdentity(copyOf(directory, record, fileName));
      if (copy != null && jar.isCurrent()) {
        jar.write(directory, fileName, record, copy);
      }
    } catch (IOException | RuntimeException e) {
      // Costs the next start its shortcut, nothing else.
    }
  }

  /** Where the cache directory {@code directory} keeps its copy of {@code record}'s library. */
  private static Path copyOf(Path directory, LibraryRecord record, String fileName) {
    return directory.resolve(record.sha256()).resolve(fileName);
  }

  /**
   * The path as {@code /proc/PID/maps} shows it: the JVM hands {@code dlopen} the canonical path,
   * and tracers that match a process's mappings by name need that spelling.
   */
  private static Path loadedPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file;
    }
  }

  /** JDK 24+ run with {@code --illegal-native-access=deny}, the default in some later release. */
  private static LoadFailure nativeAccessDenied(
      String library, IllegalCallerException e, Throwable earlier) {
    return new LoadFailure(
        off(library)
            + "this JVM denies native access to probe-runtime ("
            + e.getMessage()
            + "). Start it with --enable-native-access=ALL-UNNAMED (or name the module that holds"
            + " probe-runtime)",
        attach(e, earlier));
  }

  private static LoadFailure anotherClassLoader(
      String library, Path file, Throwable e, Throwable earlier) {
    return new LoadFailure(
        off(library)
            + file
            + " is already loaded by another class loader in this JVM, and a JVM lets only one"
            + " class loader load a native library. Load probe-runtime and the probe classes once,"
            + " from a class loader that every user of the library shares",
        attach(e, earlier));
  }

  /** glibc says "failed to map segment from shared object", musl "Operation not permitted". */
  private static boolean looksLikeNoexec(String message) {
    return message.contains("failed to map segment") || message.contains("not permitted");
  }

  /** The newest failure carries the older ones as suppressed, so one stack trace shows all. */
  private static Throwable attach(Throwable newest, Throwable earlier) {
    if (earlier != null) {
      newest.addSuppressed(earlier);
    }
    return newest;
  }

  private static void describe(StringBuilder tried, Path directory, String reason) {
    tried.append("\n  ").append(directory).append(": ").append(reason);
  }

  private static String off(String library) {
    return "jusdt: probes of library '" + library + "' are off: ";
  }

  /**
   * Rejects a name that could leave {@code META-INF/native/} or the cache directory, or that no
   * linker would accept; names come from generated code, so this guards against a bug, not a user.
   */
  private static void checkName(String library) throws LoadFailure {
    boolean valid = !library.isEmpty() && library.charAt(0) != '.';
    for (int i = 0; valid && i < library.length(); i++) {
      char c = library.charAt(i);
      valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
    }
    if (!valid) {
      throw new LoadFailure(
          "jusdt: library name '"
              + library
              + "' is not a plain file name ([A-Za-z0-9_.-], not starting with '.'); no probes"
              + " are loaded for it",
          null);
    }
  }
}
