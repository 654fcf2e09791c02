package dev.jusdt.processor.property;

import com.google.testing.compile.JavaFileObjects;
import dev.jusdt.processor.property.ProbeSpec.Constant;
import dev.jusdt.processor.property.ProbeSpec.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * Writes probe declarations as a user would: phase constants in final classes, typed probes in
 * interfaces (even units) and abstract classes (odd units), spread over two packages, the provider
 * given on the annotation or through the type's {@code @UsdtProvider}.
 */
final class JavaSources {

  private JavaSources() {}

  static List<JavaFileObject> of(List<ProbeSpec> probes) {
    Map<String, List<ProbeSpec>> types = new LinkedHashMap<>();
    for (ProbeSpec probe : probes) {
      types.computeIfAbsent(typeName(probe), k -> new ArrayList<>()).add(probe);
    }
    List<JavaFileObject> files = new ArrayList<>();
    for (Map.Entry<String, List<ProbeSpec>> type : types.entrySet()) {
      files.add(JavaFileObjects.forSourceString(type.getKey(), source(type.getKey(), type.getValue())));
    }
    return files;
  }

  /** The sources' text, for a failure message. */
  static String text(List<ProbeSpec> probes) {
    return of(probes).stream()
        .map(file -> {
          try {
            return file.getCharContent(true).toString();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .collect(Collectors.joining("\n"));
  }

  static String typeName(ProbeSpec probe) {
    String pkg = "gen.p" + (probe.unit() / 2);
    return pkg + "." + (probe.kind() == Kind.PHASES ? "Phases" : "Probes") + probe.unit();
  }

  private static String source(String qualified, List<ProbeSpec> probes) {
    int dot = qualified.lastIndexOf('.');
    String simple = qualified.substring(dot + 1);
    ProbeSpec first = probes.get(0);
    String typeProvider = first.providerFromType() ? first.provider() : null;
    StringBuilder out = new StringBuilder();
    out.append("package ").append(qualified, 0, dot).append(";\n\n");
    out.append("import dev.jusdt.annotations.UsdtProbe;\n");
    out.append("import dev.jusdt.annotations.UsdtProvider;\n\n");
    if (typeProvider != null) {
      out.append("@UsdtProvider(").append(quote(typeProvider)).append(")\n");
    }
    boolean phases = first.kind() == Kind.PHASES;
    boolean isInterface = !phases && first.unit() % 2 == 0;
    out.append("public ")
        .append(phases ? "final class " : isInterface ? "interface " : "abstract class ")
        .append(simple)
        .append(" {\n");
    for (ProbeSpec probe : probes) {
      boolean omitProvider = probe.providerFromType() && probe.provider().equals(typeProvider);
      List<String> members = new ArrayList<>();
      if (!omitProvider) {
        members.add("provider = " + quote(probe.provider()));
      }
      if (phases) {
        members.add("name = " + quote(probe.name()));
        members.add("args = " + probe.phaseArgs());
        for (Constant constant : probe.constants()) {
          out.append("  @UsdtProbe(").append(String.join(", ", members)).append(")\n");
          out.append("  public static final ")
              .append(constant.type())
              .append(' ')
              .append(constant.field())
              .append(" = ")
              .append(literal(constant))
              .append(";\n\n");
        }
      } else {
        if (!probe.nameFromMethod()) {
          members.add("name = " + quote(probe.name()));
        }
        if (probe.argsGiven()) {
          members.add("args = " + probe.parameters().size());
        }
        out.append("  @UsdtProbe(").append(String.join(", ", members)).append(")\n");
        out.append(isInterface ? "  void " : "  public abstract void ")
            .append(probe.method())
            .append('(')
            .append(probe.parameters().stream().map(p -> p.type() + " " + p.name())
                .collect(Collectors.joining(", ")))
            .append(");\n\n");
      }
    }
    if (phases) {
      out.append("  private ").append(simple).append("() {}\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static String literal(Constant constant) {
    return switch (constant.type()) {
      case "long" -> constant.value() + "L";
      // Not a char literal: javac decodes Unicode escapes before it reads the source (\\u000a).
      case "char" -> "(char) " + constant.value();
      default -> Long.toString(constant.value());
    };
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }
}
