package dev.jusdt.processor.model;

import java.util.Locale;

/** Turns provider and probe names into the Java and C names generated for them. */
public final class Names {

  private Names() {}

  /** The binding class of a provider's phase constants: {@code haconiwa} to {@code HaconiwaProbes}. */
  public static String phaseBinding(String provider) {
    return upperCamel(provider) + "Probes";
  }

  /**
   * The binding class of a probe type: {@code pkg.Outer.Inner} to {@code UsdtOuter_Inner}.
   *
   * @param qualifiedName the type's qualified name
   * @param packageName its package's qualified name, empty for the unnamed package
   */
  public static String typedBinding(String qualifiedName, String packageName) {
    String relative =
        packageName.isEmpty() ? qualifiedName : qualifiedName.substring(packageName.length() + 1);
    return "Usdt" + relative.replace('.', '_');
  }

  /** {@code probe-boottime} to {@code probeBoottime}. */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    return Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
  }

  /** {@code probe-boottime} and {@code probe_boottime} to {@code ProbeBoottime}. */
  public static String upperCamel(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.isEmpty() ? "_" : out.toString();
  }

  /** {@code haconiwa} and {@code probe-boottime} to {@code HACONIWA_PROBE_BOOTTIME}. */
  public static String macro(String provider, String name) {
    return cIdentifier(provider + "_" + name).toUpperCase(Locale.ROOT);
  }

  /** A phase constant's macro in the C header: {@code HACONIWA_PHASE_CONTAINER_START}. */
  public static String phaseMacro(String provider, String constant) {
    return (cIdentifier(provider) + "_" + cIdentifier(constant)).toUpperCase(Locale.ROOT);
  }

  /** Any name to a C identifier: characters outside {@code [A-Za-z0-9_]} become {@code _}. */
  public static String cIdentifier(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      out.append(ok ? c : '_');
    }
    if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /** Whether a name is a C identifier, which perf requires of SDT event names. */
  public static boolean isCIdentifier(String name) {
    return !name.isEmpty() && cIdentifier(name).equals(name);
  }
}
