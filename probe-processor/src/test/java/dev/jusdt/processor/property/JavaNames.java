package dev.jusdt.processor.property;

import dev.jusdt.processor.property.ProbeSpec.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The documented Java-side naming rules, written out independently of the processor: whether two
 * declarations would get one generated class or method, which the processor must reject.
 */
final class JavaNames {

  private JavaNames() {}

  /** Why the processor must reject these declarations, or empty if it must accept them. */
  static Optional<String> problem(List<ProbeSpec> probes) {
    Map<String, String> classes = new HashMap<>();
    Map<String, String> methods = new HashMap<>();
    for (ProbeSpec probe : probes) {
      String pkg = JavaSources.typeName(probe).substring(0, JavaSources.typeName(probe).lastIndexOf('.'));
      if (probe.kind() == Kind.PHASES) {
        String binding = pkg + "." + upperCamel(probe.provider()) + "Probes";
        String owner = classes.putIfAbsent(binding, probe.provider());
        if (owner != null && !owner.equals(probe.provider())) {
          return Optional.of("providers " + owner + " and " + probe.provider() + " share " + binding);
        }
        for (String method : List.of(
            binding + "." + phaseMethod(probe.name()) + "(...)",
            binding + ".is" + upperCamel(probe.name()) + "Enabled()")) {
          if (methods.putIfAbsent(method, probe.key()) != null) {
            return Optional.of(probe.key() + " and " + methods.get(method) + " share " + method);
          }
        }
      } else {
        String type = JavaSources.typeName(probe);
        String enabled = "is" + Character.toUpperCase(probe.method().charAt(0))
            + probe.method().substring(1) + "Enabled";
        if (methods.putIfAbsent(type + "." + enabled, probe.method()) != null) {
          return Optional.of(type + " gets " + enabled + " twice");
        }
      }
    }
    // A probe method named like another's is-enabled method, taking no arguments, is one too.
    Set<String> zeroArgumentMethods = new HashSet<>();
    for (ProbeSpec probe : probes) {
      if (probe.kind() == Kind.METHOD && probe.parameters().isEmpty()) {
        zeroArgumentMethods.add(JavaSources.typeName(probe) + "." + probe.method());
      }
    }
    for (ProbeSpec probe : probes) {
      if (probe.kind() == Kind.METHOD) {
        String enabled = JavaSources.typeName(probe) + ".is"
            + Character.toUpperCase(probe.method().charAt(0)) + probe.method().substring(1)
            + "Enabled";
        if (zeroArgumentMethods.contains(enabled)) {
          return Optional.of(enabled + " is declared and generated");
        }
      }
    }
    return Optional.empty();
  }

  /** README: {@code probe-boottime} and {@code probe_boottime} to {@code ProbeBoottime}. */
  static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[-_]")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.isEmpty() ? "_" : out.toString();
  }

  /** The firing method: lower camel case, made a legal Java name with an {@code _}. */
  static String phaseMethod(String name) {
    String upper = upperCamel(name);
    String lower = Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    if (Character.isDigit(lower.charAt(0))) {
      return "_" + lower;
    }
    return SourceVersion.isName(lower) ? lower : lower + "_";
  }
}
