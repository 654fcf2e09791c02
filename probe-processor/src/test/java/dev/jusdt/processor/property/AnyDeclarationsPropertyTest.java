package dev.jusdt.processor.property;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jusdt.processor.UsdtProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Anything a user can write in {@code @UsdtProbe} (any provider and name text, any {@code args},
 * fields and methods of any type and modifiers, in classes and interfaces) compiles, or fails with
 * the processor's own errors on the user's elements: javac never crashes, and no error is an
 * internal one.
 */
class AnyDeclarationsPropertyTest {

  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  /** One annotated member, as source text. */
  record Member(String annotation, String declaration) {}

  @AfterContainer
  static void report() {
    System.out.printf(
        "AnyDeclarationsPropertyTest: %d compilations accepted, %d rejected with the processor's"
            + " errors%n",
        ACCEPTED.get(), REJECTED.get());
  }

  @Provide
  Arbitrary<List<Member>> members() {
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .withoutEdgeCases()),
            Tuple.of(3, Arbitraries.strings().ofMaxLength(80)),
            Tuple.of(3, Arbitraries.strings().withChars("abcXYZ_-0.9 $\"\\")
                .ofMaxLength(70)),
            Tuple.of(1, Arbitraries.of("", "linux", "__x", "a--b", "-a", "a-", "ü")));
    Arbitrary<Integer> anyArgs = Arbitraries.integers().between(-3, 15);
    Arbitrary<String> fieldAttributes =
        attributes(text, Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(1, 3)), Tuple.of(1, anyArgs.injectNull(0.5))));
    Arbitrary<String> methodAttributes = attributes(text, anyArgs.injectNull(0.7));
    Arbitrary<String> type =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of("long", "int", "short", "byte", "char", "boolean", "String")),
            Tuple.of(1, Arbitraries.of("double", "Object", "int[]", "java.util.List<String>",
                "Long", "float")));
    Arbitrary<String> field =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just("public static final ")),
                    Tuple.of(1, Arbitraries.of("static ", "final ", "private static final "))),
                type,
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.integers().between(-1000, 1000).map(String::valueOf)),
                    Tuple.of(1, Arbitraries.of("Integer.parseInt(\"3\")", "null", "'c'", "1.5",
                        "true", "\"s\"", "Long.MIN_VALUE"))))
            .as((modifiers, t, value) -> modifiers + t + " F" + " = (" + t + ") " + value + ";");
    Arbitrary<String> method =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of("abstract ", "", "public abstract ")),
                    Tuple.of(1, Arbitraries.of("static ", "default ", "<T> "))),
                Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just("void")),
                    Tuple.of(1, Arbitraries.of("long", "String"))),
                Arbitraries.of("m", "fire", "isFireEnabled", "semaphores", "m$x", "_m", "INSTANCE"),
                type.list().ofMaxSize(14),
                Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just("")), Tuple.of(1, Arbitraries.just(" throws Exception"))))
            .as((modifiers, result, name, params, thrown) -> {
              List<String> declared = new ArrayList<>();
              for (int i = 0; i < params.size(); i++) {
                declared.add(params.get(i) + " p" + i);
              }
              String body = modifiers.contains("abstract") || modifiers.isEmpty() || modifiers.equals("<T> ")
                  ? ";" : " {}";
              return modifiers + result + " " + name + "(" + String.join(", ", declared) + ")"
                  + thrown + body;
            });
    return Arbitraries.oneOf(
            Combinators.combine(fieldAttributes, field).as(Member::new),
            Combinators.combine(methodAttributes, method).as(Member::new))
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .withoutEdgeCases();
  }

  private static Arbitrary<String> attributes(Arbitrary<String> text, Arbitrary<Integer> args) {
    return Combinators.combine(text.injectNull(0.2), text.injectNull(0.1), args)
        .as((provider, name, count) -> {
          List<String> parts = new ArrayList<>();
          if (provider != null) {
            parts.add("provider = " + literal(provider));
          }
          if (name != null) {
            parts.add("name = " + literal(name));
          }
          if (count != null) {
            parts.add("args = " + count);
          }
          return "@UsdtProbe(" + String.join(", ", parts) + ")";
        });
  }

  @Property(tries = 100)
  void javacNeverCrashesAndErrorsAreTheProcessors(
      @ForAll("members") List<Member> members,
      @ForAll("kinds") String kind,
      @ForAll("providers") String provider) {
    StringBuilder source = new StringBuilder("package fuzz;\n\n");
    source.append("import dev.jusdt.annotations.UsdtProbe;\nimport dev.jusdt.annotations.UsdtProvider;\n\n");
    source.append(provider).append("public ").append(kind).append(" Fuzz {\n");
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      source.append("  ").append(member.annotation()).append('\n');
      source.append("  ").append(member.declaration().replace(" F ", " F" + i + " ")
          .replace(" m(", " m" + i + "(")).append("\n\n");
    }
    source.append("}\n");

    Compilation compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .compile(JavaFileObjects.forSourceString("fuzz.Fuzz", source.toString()));

    List<String> processorErrors =
        compilation.errors().stream()
            .map(error -> error.getMessage(Locale.ROOT))
            .filter(message -> message.startsWith("[Usdt"))
            .toList();
    assertThat(processorErrors).as(source.toString()).noneMatch(m -> m.startsWith("[UsdtInternal]"));
    assertThat(compilation.errors())
        .as("errors of generated code for\n%s", source)
        .allSatisfy(error -> assertThat(error.getSource() == null
                ? "" : error.getSource().getName()).doesNotContain("Usdt").doesNotContain("Probes"));
    if (compilation.status() == Compilation.Status.SUCCESS) {
      ACCEPTED.incrementAndGet();
    } else {
      REJECTED.incrementAndGet();
    }
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR))
        .hasSameSizeAs(compilation.errors());
  }

  @Provide
  Arbitrary<String> kinds() {
    return Arbitraries.of("interface", "interface", "abstract class", "final class", "class");
  }

  @Provide
  Arbitrary<String> providers() {
    return Arbitraries.of(
        "", "@UsdtProvider(\"fz\")\n", "@UsdtProvider(\"fz\")\n", "@UsdtProvider(\"fz\")\n",
        "@UsdtProvider(\"\")\n", "@UsdtProvider(\"a b\")\n");
  }

  private static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        // Octal, not \\u000a: javac turns Unicode escapes into line breaks before it lexes.
        out.append(String.format("\\%03o", (int) c));
      } else if (c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
