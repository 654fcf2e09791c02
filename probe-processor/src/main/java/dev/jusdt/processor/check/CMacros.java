package dev.jusdt.processor.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The C macros in scope where generated C fires a probe. {@code <sys/sdt.h>} writes the provider
 * and probe name into the note through nested macros, so a name token that is itself a macro is
 * replaced by its value ({@code linux} by {@code 1} under gcc's GNU modes), and a generated macro
 * of the same name as one of these would redefine it.
 */
final class CMacros {

  /** The prefix of jusdt's own macros in generated C. */
  static final String OWN_PREFIX = "JUSDT_";

  private static final Set<String> OBJECT_LIKE = new HashSet<>();
  private static final Set<String> FUNCTION_LIKE = new HashSet<>();

  static {
    try (InputStream in = CMacros.class.getResourceAsStream("c-macros.txt")) {
      if (in == null) {
        throw new IllegalStateException("probe-processor is missing its resource c-macros.txt");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String macro = line.strip();
        if (macro.isEmpty() || macro.startsWith("#")) {
          continue;
        }
        if (macro.endsWith("()")) {
          FUNCTION_LIKE.add(macro.substring(0, macro.length() - 2));
        } else {
          OBJECT_LIKE.add(macro);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CMacros() {}

  /**
   * Whether C reserves an identifier for the compiler and its library (C11 7.1.3: a leading
   * {@code __}, or {@code _} and a capital letter); any of them may be a macro.
   */
  static boolean isReserved(String identifier) {
    return identifier.startsWith("__")
        || (identifier.length() > 1
            && identifier.charAt(0) == '_'
            && identifier.charAt(1) >= 'A'
            && identifier.charAt(1) <= 'Z');
  }

  /** Whether a token in a provider or probe name would be expanded before it reaches the note. */
  static boolean expandsInNote(String token) {
    return OBJECT_LIKE.contains(token) || token.startsWith(OWN_PREFIX);
  }

  /** Whether a macro of this name is already defined where the generated header is included. */
  static boolean isDefined(String macro) {
    return OBJECT_LIKE.contains(macro) || FUNCTION_LIKE.contains(macro);
  }
}
