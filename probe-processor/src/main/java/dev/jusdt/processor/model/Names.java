package dev.jusdt.processor.model;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Turns provider and probe names into the Java and C names generated for them. */
public final class Names {

  /**
   * The native method that hands the library's semaphore array to a binding. Like every generated
   * private member, it starts with {@code $} so that no probe's method can take its name.
   */
  public static final String SEMAPHORES_NATIVE = "$semaphores";

  /**
   * The native method that hands a binding the address of the library's semaphore array, so that
   * JDK 24 and later can read it through the foreign memory API without {@code sun.misc.Unsafe}.
   */
  public static final String SEMAPHORES_ADDRESS_NATIVE = "$semaphoresAddress";

  /** The binding's static initialiser helper that loads the library and calls {@link #SEMAPHORES_NATIVE}. */
  public static final String SEMAPHORES_LOADER = "$loadSemaphores";

  private Names() {}

  /**
   * The binding class of a provider's phase constants: {@code haconiwa} to {@code
   * HaconiwaProbes}, {@code _9lives} to {@code _9livesProbes} (a Java name cannot start with a
   * digit).
   */
  public static String phaseBinding(String provider) {
    String stem = upperCamel(provider);
    return (Character.isDigit(stem.charAt(0)) ? "_" : "") + stem + "Probes";
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

  /**
   * The method of a phase binding that fires a probe: {@code probe-boottime} to {@code
   * probeBoottime}. A result Java does not take as a method name gets an {@code _}: {@code int}
   * to {@code int_}, {@code _1} to {@code _1} (not {@code 1}), {@code _} to {@code __}.
   */
  public static String phaseMethod(String probeName) {
    String name = lowerCamel(probeName);
    if (Character.isDigit(name.charAt(0))) {
      return "_" + name;
    }
    return SourceVersion.isName(name) ? name : name + "_";
  }

  /** The is-enabled method of a phase binding: {@code probe-boottime} to {@code isProbeBoottimeEnabled}. */
  public static String phaseEnabledMethod(String probeName) {
    return "is" + upperCamel(probeName) + "Enabled";
  }

  /** The is-enabled method of a typed binding: {@code requestStart} to {@code isRequestStartEnabled}. */
  public static String typedEnabledMethod(String methodName) {
    return "is" + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1) + "Enabled";
  }

  /**
   * The private native method behind a firing method. The {@code $}, which no probe name and no
   * accepted probe method name holds, keeps it apart from every public method.
   *
   * @param method the firing method
   * @param variant empty, or {@code str} for the String site of a {@code (phase, value)} probe
   */
  public static String nativeMethod(String method, String variant) {
    return method + "$" + variant;
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

  /** A phase constant's macro: {@code haconiwa} and {@code PHASE_START_SV} to {@code HACONIWA_PHASE_START_SV}. */
  public static String constantMacro(String provider, String constant) {
    return cIdentifier(provider).toUpperCase(Locale.ROOT)
        + "_"
        + cIdentifier(constant).toUpperCase(Locale.ROOT);
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
