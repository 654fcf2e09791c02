package dev.jusdt.processor.property;

import dev.jusdt.processor.property.ProbeSpec.Constant;
import dev.jusdt.processor.property.ProbeSpec.Kind;
import dev.jusdt.processor.property.ProbeSpec.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written C that fires every probe through the generated header, as README shows, and checks
 * every phase constant's macro against the Java value at compile time.
 */
final class HeaderUse {

  private HeaderUse() {}

  static String source(String header, List<ProbeSpec> probes) {
    StringBuilder out = new StringBuilder();
    out.append("#define _GNU_SOURCE\n");
    out.append("#include \"").append(header).append("\"\n\n");
    int check = 0;
    for (ProbeSpec probe : probes) {
      for (Constant constant : probe.constants()) {
        // A typedef of a negative-sized array fails the build when the macro has the wrong value;
        // unlike _Static_assert it works under -std=c99 -Wpedantic too.
        out.append("typedef char jusdt_check_")
            .append(check++)
            .append("[(")
            .append(probe.constantMacro(constant))
            .append(") == ")
            .append(cLiteral(constant.value()))
            .append(" ? 1 : -1];\n");
      }
    }
    out.append("\nvoid jusdt_fire_all(void);\n\nvoid jusdt_fire_all(void) {\n");
    for (ProbeSpec probe : probes) {
      String macro = probe.macro();
      out.append("  if (").append(macro).append("_ENABLED()) {\n");
      if (probe.kind() == Kind.PHASES) {
        String phase = probe.constantMacro(probe.constants().get(0));
        switch (probe.phaseArgs()) {
          case 1 -> out.append("    ").append(macro).append('(').append(phase).append(");\n");
          case 2 -> {
            out.append("    ").append(macro).append('(').append(phase).append(", -1);\n");
            out.append("    ").append(macro).append("_STR(").append(phase).append(", \"s\");\n");
          }
          default -> out.append("    ").append(macro).append("_NOW(").append(phase).append(");\n");
        }
      } else {
        List<String> arguments = new ArrayList<>();
        for (Parameter parameter : probe.parameters()) {
          arguments.add(parameter.type().endsWith("String") ? "\"s\"" : "1");
        }
        out.append("    ").append(macro).append('(').append(String.join(", ", arguments)).append(");\n");
      }
      out.append("  }\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static String cLiteral(long value) {
    // -9223372036854775808 is not a C literal: the minus applies to a constant too big for long long.
    return value == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : "(" + value + "LL)";
  }
}
