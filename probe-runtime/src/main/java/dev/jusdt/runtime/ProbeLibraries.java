package dev.jusdt.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints where the probe libraries of a class path are, extracting them first, so that a tracer can
 * attach by path before the program starts.
 *
 * <pre>{@code
 * java -cp <the program's class path> dev.jusdt.runtime.ProbeLibraries [library...]
 * haconiwa /home/me/.cache/jusdt/3f1c.../libhaconiwa.so
 * }</pre>
 *
 * <p>Each library is loaded exactly as {@link ProbeLibrary#load} would load it in the program, so
 * run this with the same {@code -Djusdt.cache.dir}, {@code -Djusdt.library.<library>.path} and
 * environment as the program, or the paths differ. Without arguments it lists every {@code
 * META-INF/native/<platform>/lib*.so} on the class path.
 */
public final class ProbeLibraries {

  /** Every library was loaded and printed. */
  static final int OK = 0;

  /** Some library could not be loaded; the warning on standard error says why. */
  static final int NOT_LOADED = 1;

  /** Wrong arguments, or no library to print. */
  static final int USAGE = 2;

  private ProbeLibraries() {}

  /**
   * Prints {@code <library> <absolute path>} for each library, one per line.
   *
   * <p>Exit status: 0 if every library was printed, 1 if some could not be loaded (a warning on
   * standard error says why), 2 for a usage error or if the class path bundles no library.
   *
   * @param args library names (without {@code lib} and {@code .so}), or none for every library
   *     bundled on the class path; {@code --help} prints usage
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> libraries = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help")) {
        usage(out);
        return OK;
      }
      if (arg.startsWith("-")) {
        err.println("Unknown option: " + arg);
        usage(err);
        return USAGE;
      }
      libraries.add(arg);
    }
    if (libraries.isEmpty()) {
      String platform = Platform.current(Settings.system());
      if (platform == null) {
        err.println(
            "No probe libraries for os.name="
                + System.getProperty("os.name")
                + ", os.arch="
                + System.getProperty("os.arch")
                + ": USDT probes exist on Linux only");
        return NOT_LOADED;
      }
      try {
        libraries.addAll(
            BundledLibraries.find(
                platform,
                System.getProperty("java.class.path"),
                ProbeLibraries.class.getClassLoader()));
      } catch (IOException e) {
        err.println("Cannot read the class path: " + e);
        return USAGE;
      }
      if (libraries.isEmpty()) {
        err.println(
            "No META-INF/native/"
                + platform
                + "/lib*.so on the class path; run this with the"
                + " program's class path, or name the libraries");
        return USAGE;
      }
    }
    int status = OK;
    for (String library : libraries) {
      Optional<Path> path =
          ProbeLibrary.load(library, ProbeLibraries.class)
              ? ProbeLibrary.path(library)
              : Optional.empty();
      if (path.isPresent()) {
        out.println(library + " " + path.get());
      } else {
        status = NOT_LOADED;
      }
    }
    out.flush();
    return status;
  }

  private static void usage(PrintStream out) {
    out.println("Usage: java -cp <class path> dev.jusdt.runtime.ProbeLibraries [library...]");
    out.println("Extracts each probe library (default: every META-INF/native/<platform>/lib*.so");
    out.println("on the class path) as the program would, and prints '<library> <path>' for");
    out.println(
        "tracers that attach by path. Use the program's -Djusdt.cache.dir and environment.");
  }
}
