package dev.jusdt.runtime;

import java.nio.file.Path;

/**
 * A library file named explicitly by the user, which is loaded instead of the jar's copy and has no
 * fallback: someone who points at a file wants that file or a clear failure, not a silent
 * substitute.
 */
final class LibraryOverride {

  final Path path;

  /** How the user set it, as they would write it: {@code -Dname=value} or {@code NAME=value}. */
  final String source;

  private LibraryOverride(Path path, String source) {
    this.path = path;
    this.source = source;
  }

  /** {@code jusdt.library.<library>.path}. */
  static String propertyName(String library) {
    return "jusdt.library." + library + ".path";
  }

  /**
   * {@code JUSDT_LIBRARY_<LIBRARY>_PATH}: the name upper-cased, every character that is not an
   * ASCII letter or digit replaced by {@code _}, since shells accept nothing else in a name.
   */
  static String environmentName(String library) {
    StringBuilder name = new StringBuilder(library.length() + 19).append("JUSDT_LIBRARY_");
    for (int i = 0; i < library.length(); i++) {
      char c = library.charAt(i);
      if (c >= 'a' && c <= 'z') {
        name.append((char) (c - 'a' + 'A'));
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        name.append(c);
      } else {
        name.append('_');
      }
    }
    return name.append("_PATH").toString();
  }

  /** The override for a library, the system property before the environment; null if none. */
  static LibraryOverride find(String library, Settings settings) {
    String property = propertyName(library);
    String value = settings.property(property);
    if (value != null) {
      return new LibraryOverride(Path.of(value).toAbsolutePath(), "-D" + property + "=" + value);
    }
    String variable = environmentName(library);
    value = settings.environment(variable);
    if (value != null) {
      return new LibraryOverride(Path.of(value).toAbsolutePath(), variable + "=" + value);
    }
    return null;
  }
}
