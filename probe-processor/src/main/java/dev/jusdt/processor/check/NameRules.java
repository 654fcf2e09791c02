package dev.jusdt.processor.check;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What tracers accept as provider and probe names. A provider must be a C identifier (bpftrace,
 * bcc and perf all parse it as one); a probe name may also hold single dashes between
 * identifier characters, the DTrace convention that bpftrace, bcc, gdb and SystemTap accept. No
 * part of either may be a C macro where the probe is compiled, or a reserved C identifier, since
 * {@code <sys/sdt.h>} would write the macro's value into the note.
 */
final class NameRules {

  /** perf's limit for an event name; longer names are also awkward in every tracer's syntax. */
  static final int MAX_LENGTH = 64;

  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PROBE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*");

  private NameRules() {}

  /** Why a provider name cannot be used, or empty if it can. */
  static Optional<String> checkProvider(String provider) {
    if (provider.isEmpty()) {
      return Optional.of(
          "no provider: set @UsdtProbe(provider = \"...\") or annotate the enclosing type with"
              + " @UsdtProvider(\"...\")");
    }
    if (provider.length() > MAX_LENGTH) {
      return Optional.of(tooLong("provider", provider));
    }
    if (!PROVIDER.matcher(provider).matches()) {
      return Optional.of(
          "provider \""
              + provider
              + "\" is not a C identifier, which bpftrace, bcc and perf require: use letters,"
              + " digits and _, starting with a letter or _");
    }
    return checkTokens("provider", provider);
  }

  /** Why a probe name cannot be used, or empty if it can. */
  static Optional<String> checkProbe(String name) {
    if (name.isEmpty()) {
      return Optional.of("probe name is empty: set @UsdtProbe(name = \"...\")");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of(tooLong("probe name", name));
    }
    if (!PROBE.matcher(name).matches()) {
      return Optional.of(
          "probe name \""
              + name
              + "\" cannot be used by tracers: use letters, digits, _ and single dashes between"
              + " them, starting with a letter or _ (e.g. \"probe-boottime\")");
    }
    return checkTokens("probe name", name);
  }

  /**
   * Why a name's C tokens (the parts between dashes) would not reach the note as written, or empty.
   * {@code <sys/sdt.h>} passes them through nested macros before it stringifies them, so a token
   * that is a macro is replaced by its value.
   */
  private static Optional<String> checkTokens(String what, String name) {
    for (String token : name.split("-")) {
      if (CMacros.isReserved(token)) {
        return Optional.of(
            what
                + " \""
                + name
                + "\" uses "
                + token
                + ", an identifier C reserves for the compiler and its library (it starts with __ or"
                + " _ and a capital letter), which <sys/sdt.h> could expand as a macro: choose"
                + " another name");
      }
      if (CMacros.expandsInNote(token)) {
        return Optional.of(
            what
                + " \""
                + name
                + "\" uses "
                + token
                + ", a C macro where the probe is compiled (predefined by the compiler, or defined"
                + " by <jni.h>, <stdlib.h>, <stdint.h>, <time.h>, <sys/sdt.h> or jusdt's header);"
                + " <sys/sdt.h> would write its value into the note instead: choose another name");
      }
    }
    return Optional.empty();
  }

  private static String tooLong(String what, String name) {
    return what
        + " \""
        + name
        + "\" is "
        + name.length()
        + " characters long; tracers (perf) accept at most "
        + MAX_LENGTH;
  }
}
