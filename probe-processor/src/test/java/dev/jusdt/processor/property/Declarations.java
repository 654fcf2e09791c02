package dev.jusdt.processor.property;

import dev.jusdt.processor.property.ProbeSpec.Constant;
import dev.jusdt.processor.property.ProbeSpec.Kind;
import dev.jusdt.processor.property.ProbeSpec.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Random sets of probe declarations that agree with each other. Names are either random or drawn
 * from a small pool of short fragments and words that generated code also uses ({@code
 * semaphores}, {@code INSTANCE}, {@code env}...), so that clashes between generated names are
 * likely rather than astronomically rare; a few are C macros, which the processor must reject
 * (see {@link CNames}).
 */
final class Declarations {

  /** The most probe declarations in one compilation; many per gcc run keep the property fast. */
  static final int MAX_PROBES = 24;

  private static final List<String> FRAGMENTS =
      List.of("a", "b", "A", "B", "x1", "_x", "is", "enabled", "Enabled", "probe", "semaphores",
          "SEMAPHORES", "LIBRARY", "INSTANCE", "Str", "str", "now", "NOW", "env", "cls", "arg0",
          "tick", "Tick", "fire", "fire0", "Utf8", "String", "int", "new", "class", "true", "0", "9",
          "CLOCK", "REALTIME");

  /** C macros where the probe is compiled, or reserved C names: the processor must reject them. */
  private static final List<String> C_MACROS = List.of("linux", "unix", "NULL", "EOF", "JUSDT_X", "__x", "_X");

  /** Parameter and method names that generated code also uses. */
  private static final List<String> JAVA_WORDS =
      List.of("a", "b", "env", "cls", "arg0", "arg1", "now", "value", "phase", "SEMAPHORES",
          "LIBRARY", "INSTANCE", "Semaphores", "ProbeLibrary", "Utf8", "ByteBuffer", "String",
          "semaphores", "semaphores0", "fire", "fire0", "isFireEnabled", "tick", "tick0");

  private static final Set<String> OBJECT_METHODS =
      Set.of("wait", "notify", "notifyAll", "getClass", "hashCode", "equals", "toString", "clone",
          "finalize");

  private static final List<String> TYPES =
      List.of("long", "int", "short", "byte", "char", "boolean", "String", "java.lang.String");

  private Declarations() {}

  /**
   * A non-empty set of declarations that agree with each other; one in eight has a probe whose
   * provider is a C macro or reserved name.
   */
  static Arbitrary<List<ProbeSpec>> libraries() {
    Arbitrary<List<ProbeSpec>> probes =
        Arbitraries.oneOf(phaseProbe(), methodProbe())
            .list()
            .ofMinSize(1)
            .ofMaxSize(MAX_PROBES)
            .withSizeDistribution(RandomDistribution.uniform())
            // Edge cases are lists of one probe; one gcc run should check many.
            .withoutEdgeCases();
    Arbitrary<List<ProbeSpec>> withMacro =
        Combinators.combine(probes, phaseProbe(), Arbitraries.of(C_MACROS))
            .as((list, probe, macro) -> {
              List<ProbeSpec> all = new ArrayList<>(list);
              all.add(new ProbeSpec(macro, probe.name(), probe.kind(), probe.unit(),
                  probe.providerFromType(), probe.phaseArgs(), probe.constants(), null, false,
                  List.of()));
              return all;
            });
    return Arbitraries.frequencyOf(Tuple.of(7, probes), Tuple.of(1, withMacro))
        .map(Declarations::consistent)
        .filter(list -> !list.isEmpty());
  }

  /**
   * Keeps the first of any declarations a valid program could not hold together: two probes of one
   * name or one header macro, two methods of one name in one type, two fields of one name in one
   * class, two phases of one value in one probe.
   */
  static List<ProbeSpec> consistent(List<ProbeSpec> probes) {
    Set<String> keys = new HashSet<>();
    Set<String> macros = new HashSet<>();
    Set<String> members = new HashSet<>();
    List<ProbeSpec> kept = new ArrayList<>();
    for (ProbeSpec probe : probes) {
      if (!keys.add(probe.key()) || !macros.add(probe.macro())) {
        continue;
      }
      if (probe.kind() == Kind.METHOD) {
        if (members.add("Probes" + probe.unit() + "#" + probe.method())) {
          kept.add(probe);
        }
        continue;
      }
      Set<Long> values = new HashSet<>();
      List<Constant> constants = new ArrayList<>();
      for (Constant constant : probe.constants()) {
        if (values.add(constant.value())
            && members.add("Phases" + probe.unit() + "#" + constant.field())) {
          constants.add(constant);
        }
      }
      if (!constants.isEmpty()) {
        kept.add(
            new ProbeSpec(probe.provider(), probe.name(), Kind.PHASES, probe.unit(),
                probe.providerFromType(), probe.phaseArgs(), List.copyOf(constants), null, false,
                List.of()));
      }
    }
    return kept;
  }

  static Arbitrary<ProbeSpec> phaseProbe() {
    return Combinators.combine(
            provider(),
            probeName(),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 3),
            constant().list().ofMinSize(1).ofMaxSize(4))
        .as(
            (provider, name, unit, fromType, args, constants) ->
                new ProbeSpec(provider, name, Kind.PHASES, unit, fromType, args, constants, null,
                    false, List.of()));
  }

  static Arbitrary<ProbeSpec> methodProbe() {
    return Combinators.combine(
            provider(),
            probeName(),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false),
            methodName(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            parameter().list().ofMaxSize(12))
        .as(
            (provider, name, unit, fromType, method, nameFromMethod, argsGiven, parameters) ->
                new ProbeSpec(provider, nameFromMethod ? method : name, Kind.METHOD, unit,
                    fromType, 0, List.of(), method, argsGiven, distinctNames(parameters)));
  }

  /** A provider: a C identifier of at most 64 characters. */
  static Arbitrary<String> provider() {
    return Arbitraries.frequencyOf(
            Tuple.of(4, cIdentifier(64)),
            Tuple.of(1, Arbitraries.of(FRAGMENTS).filter(Declarations::startsAnIdentifier)));
  }

  /** A probe name: identifier segments joined by single dashes, at most 64 characters. */
  static Arbitrary<String> probeName() {
    Arbitrary<String> segment =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .numeric().withChars('_').ofMinLength(1).ofMaxLength(12)
                .filter(part -> !CNames.reserved(part))),
            Tuple.of(1, Arbitraries.of(FRAGMENTS)));
    Arbitrary<String> first =
        Arbitraries.frequencyOf(
            Tuple.of(3, cIdentifier(64)),
            Tuple.of(1, Arbitraries.of(FRAGMENTS).filter(Declarations::startsAnIdentifier)));
    return Combinators.combine(first, segment.list().ofMaxSize(3))
        .as((head, tail) -> tail.isEmpty() ? head : head + "-" + String.join("-", tail))
        .filter(name -> name.length() <= 64);
  }

  static Arbitrary<Constant> constant() {
    Arbitrary<String> field =
        Arbitraries.frequencyOf(
                Tuple.of(8, javaIdentifier().map(name -> "PHASE_" + name)),
                Tuple.of(1, Arbitraries.of("PHASE_A", "PHASE_B", "START", "END", "ENABLED",
                    "NOW", "STR", "a", "A")))
            .filter(name -> !SourceVersion.isKeyword(name));
    return Combinators.combine(field, Arbitraries.of("long", "int", "short", "byte", "char"))
        .flatAs((name, type) -> value(type).map(v -> new Constant(name, type, v)));
  }

  static Arbitrary<Parameter> parameter() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(Tuple.of(2, javaIdentifier()), Tuple.of(1, Arbitraries.of(JAVA_WORDS)));
    return Combinators.combine(Arbitraries.of(TYPES), name).as(Parameter::new);
  }

  static Arbitrary<String> methodName() {
    return Arbitraries.frequencyOf(
            Tuple.of(2, javaIdentifier()), Tuple.of(1, Arbitraries.of(JAVA_WORDS)))
        .filter(name -> !OBJECT_METHODS.contains(name))
        .filter(name -> name.length() <= 64);
  }

  private static Arbitrary<Long> value(String type) {
    return switch (type) {
      case "long" ->
          Arbitraries.frequencyOf(
              Tuple.of(8, Arbitraries.longs()),
              Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE - 1L,
                  Integer.MAX_VALUE + 1L, -1L, 0L)));
      case "int" -> Arbitraries.integers().map(Integer::longValue);
      case "short" -> Arbitraries.shorts().map(Short::longValue);
      case "byte" -> Arbitraries.bytes().map(Byte::longValue);
      case "char" -> Arbitraries.chars().map(c -> (long) c.charValue());
      default -> throw new IllegalArgumentException(type);
    };
  }

  /**
   * A C identifier of at most {@code maxLength} characters; a few are exactly that long. Without
   * jqwik's edge cases, which would make most names "a" and most declarations clash.
   */
  private static Arbitrary<String> cIdentifier(int maxLength) {
    Arbitrary<Character> first =
        Arbitraries.frequencyOf(
            Tuple.of(150, Arbitraries.chars().range('a', 'z').range('A', 'Z')),
            Tuple.of(1, Arbitraries.just('_')));
    StringArbitrary rest =
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
            .withChars('_');
    return Arbitraries.frequencyOf(
            Tuple.of(9, Combinators.combine(first, rest.ofMaxLength(Math.min(12, maxLength - 1)))
                .as((f, r) -> f + r)),
            Tuple.of(1, Combinators.combine(first, rest.ofLength(maxLength - 1))
                .as((f, r) -> f + r)))
        .withoutEdgeCases();
  }

  private static Arbitrary<String> javaIdentifier() {
    return cIdentifier(16).filter(SourceVersion::isName);
  }

  private static boolean startsAnIdentifier(String word) {
    return !Character.isDigit(word.charAt(0));
  }

  private static List<Parameter> distinctNames(List<Parameter> parameters) {
    Set<String> seen = new HashSet<>();
    List<Parameter> out = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      String name = seen.contains(p.name()) ? p.name() + "_" + i : p.name();
      seen.add(name);
      out.add(new Parameter(p.type(), name));
    }
    return out;
  }
}
