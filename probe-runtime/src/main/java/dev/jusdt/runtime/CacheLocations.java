package dev.jusdt.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which directories extracted libraries live in, in the order they are tried. Apart from {@link
 * CacheDirectory}, which creates and checks them, because a warm start needs only the names.
 */
final class CacheLocations {

  /** System property naming the cache directory. */
  static final String PROPERTY = "jusdt.cache.dir";

  /** Environment variable naming the cache directory, read if the property is unset. */
  static final String ENVIRONMENT = "JUSDT_CACHE_DIR";

  private CacheLocations() {}

  /**
   * Where to extract, best first: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code
   * $XDG_CACHE_HOME/jusdt}, else {@code ~/.cache/jusdt}; then {@code <java.io.tmpdir>/jusdt-<user>}
   * for when that one is unusable (often a home directory on a {@code noexec} mount).
   */
  static List<Path> candidates(Settings settings) {
    List<Path> candidates = new ArrayList<>(2);
    Path preferred = preferred(settings);
    if (preferred != null) {
      candidates.add(preferred);
    }
    String tmp = settings.property("java.io.tmpdir");
    if (tmp != null) {
      Path fallback =
          Path.of(tmp)
              .resolve("jusdt-" + safeUserName(settings.property("user.name")))
              .toAbsolutePath();
      if (!fallback.equals(preferred)) {
        candidates.add(fallback);
      }
    }
    return candidates;
  }

  private static Path preferred(Settings settings) {
    String configured = settings.property(PROPERTY);
    if (configured == null) {
      configured = settings.environment(ENVIRONMENT);
    }
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    // The XDG spec says to ignore a relative XDG_CACHE_HOME.
    String xdg = settings.environment("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Path.of(xdg, "jusdt");
    }
    // A JVM sets user.home to "?" for a uid without a passwd entry.
    String home = settings.property("user.home");
    if (home != null && home.startsWith("/")) {
      return Path.of(home, ".cache", "jusdt");
    }
    return null;
  }

  /** The user name as one safe path segment: it comes from the environment, not from us. */
  static String safeUserName(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "unknown";
    }
    StringBuilder safe = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      safe.append(plain ? c : '_');
    }
    return safe.toString();
  }
}
