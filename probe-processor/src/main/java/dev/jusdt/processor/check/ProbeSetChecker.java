package dev.jusdt.processor.check;

import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.MethodDeclaration;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.PhaseDeclaration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Checks that the declarations of one compilation agree with each other: one probe, one argument
 * list; one phase number per phase; distinct generated names.
 */
public final class ProbeSetChecker {

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
   * @param unorderedPhases the phase constants
   * @param unorderedMethods the probe methods
   */
  public void check(List<PhaseDeclaration> unorderedPhases, List<MethodDeclaration> unorderedMethods) {
    List<PhaseDeclaration> phases =
        unorderedPhases.stream()
            .sorted(Comparator.comparing(PhaseDeclaration::element, DeclarationOrder.COMPARATOR))
            .toList();
    List<MethodDeclaration> methods =
        unorderedMethods.stream()
            .sorted(Comparator.comparing(MethodDeclaration::element, DeclarationOrder.COMPARATOR))
            .toList();
    Map<String, PhaseDeclaration> phaseProbes = new HashMap<>();
    Map<String, PhaseDeclaration> phaseValues = new HashMap<>();
    Map<String, String> macros = new HashMap<>();
    Map<String, PhaseDeclaration> constantMacros = new HashMap<>();
    for (PhaseDeclaration phase : phases) {
      checkConstantMacro(constantMacros, phase);
      String probe = phase.provider() + ":" + phase.name();
      checkMacro(macros, probe, phase.element(), Names.macro(phase.provider(), phase.name()));
      PhaseDeclaration first = phaseProbes.putIfAbsent(probe, phase);
      if (first != null && first.layout() != phase.layout()) {
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
        checkMacro(macros, probe, method.element(), Names.macro(method.provider(), method.name()));
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
      checkGeneratedClass(
          method.element(),
          method.packageName(),
          Names.typedBinding(method.owner().getQualifiedName().toString(), method.packageName()));
    }
  }

  private void checkMacro(
      Map<String, String> macros, String probe, Element element, String macro) {
    String other = macros.putIfAbsent(macro, probe);
    if (other != null && !other.equals(probe)) {
      errors.error(
          element,
          "UsdtNameClash",
          "%s and %s both become the C macro %s; rename one of them",
          other,
          probe,
          macro);
    }
  }

  /** The header defines PROVIDER_CONSTANT for each phase; one name cannot hold two values. */
  private void checkConstantMacro(Map<String, PhaseDeclaration> macros, PhaseDeclaration phase) {
    String macro = Names.phaseMacro(phase.provider(), phase.element().getSimpleName().toString());
    PhaseDeclaration other = macros.putIfAbsent(macro, phase);
    if (other != null && other.value() != phase.value()) {
      errors.error(
          phase.element(),
          "UsdtNameClash",
          "%s (%d) and %s (%d) both become the C macro %s with different values; rename one",
          other.elementName(),
          other.value(),
          phase.elementName(),
          phase.value(),
          macro);
    }
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
