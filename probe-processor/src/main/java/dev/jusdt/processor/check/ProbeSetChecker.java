package dev.jusdt.processor.check;

import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.MethodDeclaration;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.PhaseDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Checks that the declarations of one compilation agree with each other: one probe, one argument
 * list; one phase number per phase; distinct generated names, in Java and in C.
 */
public final class ProbeSetChecker {

  // The companion macros the header writes next to a probe's own (see CHeaderWriter).
  private static final String ENABLED = "_ENABLED";
  private static final String STRING_SITE = "_STR";
  private static final String NOW = "_NOW";

  private final ErrorReporter errors;
  private final Elements elements;

  /**
   * Creates a checker.
   *
   * @param errors where problems go
   * @param elements javac's element utilities, to find classes that generated ones would replace
   */
  public ProbeSetChecker(ErrorReporter errors, Elements elements) {
    this.errors = errors;
    this.elements = elements;
  }

  /**
   * Checks every declaration against the others, reporting on the later one of each clash.
   *
   * @param phases the phase constants
   * @param methods the probe methods
   */
  public void check(List<PhaseDeclaration> phases, List<MethodDeclaration> methods) {
    Map<String, PhaseDeclaration> phaseProbes = new HashMap<>();
    Map<String, PhaseDeclaration> phaseValues = new HashMap<>();
    HeaderMacros macros = new HeaderMacros(errors);
    Map<String, String> classes = new HashMap<>();
    Map<String, String> methodsByClass = new HashMap<>();
    for (PhaseDeclaration phase : phases) {
      String probe = phase.provider() + ":" + phase.name();
      PhaseDeclaration first = phaseProbes.putIfAbsent(probe, phase);
      if (first == null) {
        macros.probe(
            phase.element(),
            probe,
            Names.macro(phase.provider(), phase.name()),
            switch (phase.layout()) {
              case PHASE_ONLY -> Set.of(ENABLED);
              case PHASE_VALUE -> Set.of(ENABLED, STRING_SITE);
              case PHASE_BOOTTIME -> Set.of(ENABLED, NOW);
            });
      } else if (first.layout() != phase.layout()) {
        errors.error(
            phase.element(),
            "UsdtProbeConflict",
            "%s has %d arguments at %s but %d here; every declaration of a probe must agree",
            probe,
            first.layout().argumentNames().size(),
            first.elementName(),
            phase.layout().argumentNames().size());
      }
      PhaseDeclaration same = phaseValues.putIfAbsent(probe + "=" + phase.value(), phase);
      if (same != null) {
        errors.error(
            phase.element(),
            "UsdtPhaseDuplicate",
            "%s and %s of %s both have the value %d; give each phase its own number",
            same.elementName(),
            phase.elementName(),
            probe,
            phase.value());
      }
      checkGeneratedClass(
          phase.element(), phase.packageName(), Names.phaseBinding(phase.provider()));
      checkBindingClass(
          classes, phase.element(), qualified(phase.packageName(), Names.phaseBinding(phase.provider())),
          "provider " + phase.provider());
      if (first == null) {
        checkPhaseMethods(methodsByClass, phase, probe);
      }
    }
    Map<String, MethodDeclaration> methodProbes = new HashMap<>();
    for (MethodDeclaration method : methods) {
      String probe = method.provider() + ":" + method.name();
      if (phaseProbes.containsKey(probe)) {
        errors.error(
            method.element(),
            "UsdtProbeConflict",
            "%s is declared as a phase constant at %s and as a method here; use one form",
            probe,
            phaseProbes.get(probe).elementName());
        continue;
      }
      MethodDeclaration first = methodProbes.putIfAbsent(probe, method);
      if (first == null) {
        macros.probe(
            method.element(), probe, Names.macro(method.provider(), method.name()), Set.of(ENABLED));
      } else if (!types(first.params()).equals(types(method.params()))) {
        errors.error(
            method.element(),
            "UsdtProbeConflict",
            "%s takes %s at %s but %s here; every declaration of a probe must agree",
            probe,
            types(first.params()),
            first.elementName(),
            types(method.params()));
      }
      String binding =
          Names.typedBinding(method.owner().getQualifiedName().toString(), method.packageName());
      checkGeneratedClass(method.element(), method.packageName(), binding);
      checkBindingClass(
          classes, method.element(), qualified(method.packageName(), binding),
          "type " + method.owner().getQualifiedName());
    }
    for (PhaseDeclaration phase : phases) {
      macros.constant(
          phase.element(),
          phase.elementName(),
          Names.constantMacro(phase.provider(), phase.element().getSimpleName().toString()),
          phase.value());
    }
    phaseProbes.values().forEach(p -> checkTokens(macros, p.element(), p.provider(), p.name()));
    methodProbes.values().forEach(m -> checkTokens(macros, m.element(), m.provider(), m.name()));
  }

  /** A name token that is a phase constant's macro would be replaced by its value in the note. */
  private void checkTokens(HeaderMacros macros, Element element, String provider, String name) {
    List<String> tokens = new ArrayList<>(List.of(provider));
    tokens.addAll(List.of(name.split("-")));
    for (String token : tokens) {
      if (macros.isConstant(token)) {
        errors.error(
            element,
            "UsdtNameClash",
            "%s:%s uses %s, the C macro of %s, which <sys/sdt.h> would write into the note in its"
                + " place; rename one of them",
            provider,
            name,
            token,
            macros.owner(token));
        return;
      }
    }
  }

  /**
   * Two sources of one generated class: types {@code a.B_C} and {@code a.B.C} (both {@code
   * UsdtB_C}), or providers {@code my_app} and {@code myApp} in one package (both {@code
   * MyAppProbes}).
   */
  private void checkBindingClass(
      Map<String, String> classes, Element element, String qualified, String source) {
    String first = classes.putIfAbsent(qualified, source);
    if (first != null && !first.equals(source)) {
      errors.error(
          element,
          "UsdtClassClash",
          "%s and %s would both get the generated class %s; rename one of them",
          first,
          source,
          qualified);
    }
  }

  /**
   * Probes whose phase binding methods would share a name, in one generated class: {@code app:a-b}
   * and {@code app:aB} both fire through {@code aB(long)}.
   */
  private void checkPhaseMethods(
      Map<String, String> methodsByClass, PhaseDeclaration phase, String probe) {
    String binding = qualified(phase.packageName(), Names.phaseBinding(phase.provider()));
    for (String method :
        List.of(Names.phaseMethod(phase.name()) + "(...)", Names.phaseEnabledMethod(phase.name()) + "()")) {
      String first = methodsByClass.putIfAbsent(binding + "." + method, probe);
      if (first != null) {
        errors.error(
            phase.element(),
            "UsdtNameClash",
            "%s and %s would both get the method %s of the generated %s; rename one of them",
            first,
            probe,
            method,
            binding);
        return;
      }
    }
  }

  private static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  private void checkGeneratedClass(
      Element element, String packageName, String simpleName) {
    String name = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    if (elements.getTypeElement(name) != null) {
      errors.error(
          element,
          "UsdtClassClash",
          "the generated class %s would replace a class of that name; rename your class",
          name);
    }
  }

  private static List<String> types(List<Param> params) {
    return params.stream().map(Param::type).map(ArgType::javaName).toList();
  }
}
