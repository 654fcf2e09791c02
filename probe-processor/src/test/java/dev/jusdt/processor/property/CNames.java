package dev.jusdt.processor.property;

import dev.jusdt.processor.property.ProbeSpec.Constant;
import dev.jusdt.processor.property.ProbeSpec.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documented C-side naming rules, written out independently of the processor: whether a set of
 * declarations should be rejected because a name would not survive {@code <sys/sdt.h>}'s macros or
 * the generated header's own.
 */
final class CNames {

  private static final Set<String> OBJECT_LIKE = new HashSet<>();
  private static final Set<String> ALL = new HashSet<>();

  static {
    // The list is data the processor ships; the rules applied to it here are the test's own.
    try (InputStream in =
        CNames.class.getResourceAsStream("/dev/jusdt/processor/check/c-macros.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String macro = line.strip();
        if (macro.isEmpty() || macro.startsWith("#")) {
          continue;
        }
        if (macro.endsWith("()")) {
          ALL.add(macro.substring(0, macro.length() - 2));
        } else {
          OBJECT_LIKE.add(macro);
          ALL.add(macro);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CNames() {}

  /** Why the processor must reject these declarations, or empty if it must accept them. */
  static Optional<String> problem(List<ProbeSpec> probes) {
    Map<String, String> macros = new HashMap<>();
    for (ProbeSpec probe : probes) {
      for (String token : tokens(probe)) {
        if (reserved(token) || OBJECT_LIKE.contains(token) || token.startsWith("JUSDT_")) {
          return Optional.of(probe.key() + " uses the macro or reserved name " + token);
        }
      }
      List<String> own = new ArrayList<>(List.of(probe.macro(), probe.macro() + "_ENABLED"));
      if (probe.kind() == Kind.PHASES && probe.phaseArgs() == 2) {
        own.add(probe.macro() + "_STR");
      } else if (probe.kind() == Kind.PHASES && probe.phaseArgs() == 3) {
        own.add(probe.macro() + "_NOW");
      }
      for (String macro : own) {
        Optional<String> clash = claim(macros, macro, probe.key());
        if (clash.isPresent()) {
          return clash;
        }
      }
    }
    for (ProbeSpec probe : probes) {
      for (Constant constant : probe.constants()) {
        Optional<String> clash =
            claim(macros, probe.constantMacro(constant), "= " + constant.value());
        if (clash.isPresent()) {
          return clash;
        }
      }
    }
    for (ProbeSpec probe : probes) {
      for (String token : tokens(probe)) {
        String meaning = macros.get(token);
        if (meaning != null && meaning.startsWith("= ")) {
          return Optional.of(probe.key() + " uses the constant macro " + token);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> claim(Map<String, String> macros, String macro, String meaning) {
    if (ALL.contains(macro) || macro.startsWith("JUSDT_")) {
      return Optional.of("the header macro " + macro + " is taken");
    }
    String first = macros.putIfAbsent(macro, meaning);
    return first == null || first.equals(meaning)
        ? Optional.empty()
        : Optional.of("the header macro " + macro + " means " + first + " and " + meaning);
  }

  private static List<String> tokens(ProbeSpec probe) {
    List<String> tokens = new ArrayList<>(List.of(probe.provider()));
    tokens.addAll(List.of(probe.name().split("-")));
    return tokens;
  }

  static boolean reserved(String token) {
    return token.startsWith("__")
        || (token.length() > 1 && token.charAt(0) == '_' && Character.isUpperCase(token.charAt(1)));
  }
}
