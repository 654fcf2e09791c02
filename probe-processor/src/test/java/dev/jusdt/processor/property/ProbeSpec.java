package dev.jusdt.processor.property;

import java.util.List;
import java.util.Locale;

/**
 * One valid probe declaration, as the property test writes it into Java source: either a probe of
 * phase constants or a typed probe method.
 *
 * @param provider the provider
 * @param name the probe name
 * @param kind which form declares it
 * @param unit which generated type holds it ({@code Phases<unit>} or {@code Probes<unit>})
 * @param providerFromType whether to name the provider through the type's {@code @UsdtProvider}
 *     (when the type's provider is this one)
 * @param phaseArgs 1, 2 or 3 for phase probes
 * @param constants the phase constants
 * @param method the Java method name of a typed probe
 * @param argsGiven whether {@code args} is written on a typed probe
 * @param parameters the typed probe's parameters
 */
record ProbeSpec(
    String provider,
    String name,
    Kind kind,
    int unit,
    boolean providerFromType,
    int phaseArgs,
    List<Constant> constants,
    String method,
    boolean argsGiven,
    List<Parameter> parameters) {

  enum Kind {
    PHASES,
    METHOD
  }

  /** A phase constant: {@code public static final <type> <field> = <value>;}. */
  record Constant(String field, String type, long value) {}

  /** A typed probe's parameter. */
  record Parameter(String type, String name) {}

  String key() {
    return provider + ":" + name;
  }

  /** Whether the probe name is left for the processor to take from the method name. */
  boolean nameFromMethod() {
    return kind == Kind.METHOD && name.equals(method);
  }

  /** The header's macro for this probe, as the README describes it: PROVIDER_NAME, dashes to _. */
  String macro() {
    return (provider + "_" + name).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The header's macro for a phase constant: PROVIDER_CONSTANT. */
  String constantMacro(Constant constant) {
    return (provider + "_" + constant.field()).toUpperCase(Locale.ROOT);
  }

  /**
   * The argument formats each of the probe's note entries must have, written out from the
   * documented mapping (docs/MANIFEST.md), not from the processor's own tables.
   */
  List<List<String>> expectedFormats() {
    if (kind == Kind.PHASES) {
      return switch (phaseArgs) {
        case 1 -> List.of(List.of("-8"));
        case 2 -> List.of(List.of("-8", "-8"), List.of("-8", "8"));
        case 3 -> List.of(List.of("-8", "-8", "-8"));
        default -> throw new IllegalStateException("args " + phaseArgs);
      };
    }
    return List.of(parameters.stream().map(p -> format(p.type())).toList());
  }

  private static String format(String javaType) {
    return switch (javaType) {
      case "long" -> "-8";
      case "int" -> "-4";
      case "short" -> "-2";
      case "byte" -> "-1";
      case "char" -> "2";
      case "boolean" -> "1";
      case "String", "java.lang.String" -> "8";
      default -> throw new IllegalArgumentException(javaType);
    };
  }
}
