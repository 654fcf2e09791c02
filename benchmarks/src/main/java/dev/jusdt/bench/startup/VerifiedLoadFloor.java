package dev.jusdt.bench.startup;

import dev.jusdt.bench.probes.UsdtTypedProbes;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Run in a fresh JVM with a warm cache: the least a verified warm start costs, to compare the
 * loader with. It makes the checks of the loader's warmest path (no override, the cache directory
 * from the settings, this user's uid, the jar's identity against the cache's stamp for it, the
 * cached copy and its directories owned by this user and writable by no one else, the copy still
 * the file the stamp names) and calls {@code System.load}, all in this one class: no loader
 * classes to load, no warnings, no fallbacks, no record of the outcome. Prints the nanoseconds from
 * the first use of the generated class to the library loaded, twice, in {@link FirstProbe}'s
 * format. Exits 1 if a check fails (run FirstProbe on the cache first).
 */
public final class VerifiedLoadFloor {

  private static final String LIBRARY = "libbench.so";
  private static final int TYPE = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR_FILE = 0100000;
  private static final int GROUP_OR_OTHERS_WRITE = 0022;

  private VerifiedLoadFloor() {}

  /**
   * Loads the library the way described above and prints how long it took.
   *
   * @param args none
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    boolean loaded = load(UsdtTypedProbes.class);
    long end = System.nanoTime();
    if (!loaded) {
      System.err.println("VerifiedLoadFloor: a check failed; run FirstProbe on this cache first");
      System.exit(1);
    }
    System.out.println(new StringBuilder().append(end - start).append(' ').append(end - start));
  }

  // StringBuilder rather than +: this module compiles string concatenation to invokedynamic, whose
  // first use costs milliseconds that probe-runtime (-XDstringConcat=inline) does not pay.
  private static boolean load(Class<?> anchor) throws Exception {
    Map<String, String> environment = System.getenv();
    if (System.getProperty("jusdt.library.bench.path") != null
        || environment.get("JUSDT_LIBRARY_BENCH_PATH") != null) {
      return false;
    }
    Path cache = cacheDirectory(environment);
    URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
    Path jar = new File(location.toURI()).toPath();
    int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Map<String, Object> jarStatus = status(jar);
    String jarIdentity =
        new StringBuilder(identity(jarStatus)).append(' ').append(jarStatus.get("size")).toString();
    Path stamp = cache.resolve(new StringBuilder("jar-")
        .append(Integer.toHexString(jar.toString().hashCode())).append('.').append(LIBRARY)
        .append(".sha256").toString());
    if (!trusted(status(stamp), false, uid)) {
      return false;
    }
    String text;
    try (InputStream in = new FileInputStream(new File(stamp.toString()))) {
      text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
    // <sha256> <size> <copy inode> <copy ctime> <jar inode> <jar ctime> <jar size> <jar path>
    String[] fields = text.strip().split(" ", 5);
    if (fields.length != 5 || !fields[4].equals(
        new StringBuilder(jarIdentity).append(' ').append(jar).toString())) {
      return false;
    }
    Path directory = cache.resolve(fields[0]);
    Path copy = directory.resolve(LIBRARY);
    Map<String, Object> copyStatus = status(copy);
    if (!trusted(copyStatus, false, uid)
        || (Long) copyStatus.get("size") != Long.parseLong(fields[1])
        || !identity(copyStatus).equals(
            new StringBuilder(fields[2]).append(' ').append(fields[3]).toString())
        || !trusted(status(directory), true, uid)
        || !trusted(status(cache), true, uid)) {
      return false;
    }
    System.load(copy.toString());
    return true;
  }

  private static Path cacheDirectory(Map<String, String> environment) {
    String configured = System.getProperty("jusdt.cache.dir");
    if (configured == null) {
      configured = environment.get("JUSDT_CACHE_DIR");
    }
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    return xdg != null && xdg.startsWith("/")
        ? Path.of(xdg, "jusdt")
        : Path.of(System.getProperty("user.home"), ".cache", "jusdt");
  }

  private static Map<String, Object> status(Path path) throws IOException {
    return Files.readAttributes(path, "unix:mode,uid,size,ino,ctime", LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean trusted(Map<String, Object> status, boolean directory, int uid) {
    int mode = (Integer) status.get("mode");
    return (mode & TYPE) == (directory ? DIRECTORY : REGULAR_FILE)
        && (Integer) status.get("uid") == uid
        && (mode & GROUP_OR_OTHERS_WRITE) == 0;
  }

  /** The loader's FileStatus.identity(): inode, then change time as seconds.nanoseconds. */
  private static String identity(Map<String, Object> status) {
    Instant changed = ((FileTime) status.get("ctime")).toInstant();
    return new StringBuilder(48).append(status.get("ino")).append(' ')
        .append(changed.getEpochSecond()).append('.').append(changed.getNano()).toString();
  }
}
