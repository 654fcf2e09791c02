package dev.jusdt.processor.check;

import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.MethodDeclaration;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.PhaseDeclaration;
import dev.jusdt.processor.model.PhaseLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @UsdtProbe} element at a time and turns it into a declaration, reporting every
 * problem on the element and the offending annotation value.
 */
public final class DeclarationChecker {

  /** The {@code <sys/sdt.h>} maximum. */
  static final int MAX_ARGS = 12;

  private static final Set<TypeKind> PHASE_TYPES =
      Set.of(TypeKind.LONG, TypeKind.INT, TypeKind.SHORT, TypeKind.BYTE, TypeKind.CHAR);

  private final ErrorReporter errors;
  private final Elements elements;
  private final Map<TypeElement, OwnerMembers> owners = new HashMap<>();

  /**
   * Creates a checker.
   *
   * @param errors where problems go
   * @param elements javac's element utilities
   */
  public DeclarationChecker(ErrorReporter errors, Elements elements) {
    this.errors = errors;
    this.elements = elements;
  }

  /**
   * Checks a phase constant.
   *
   * @param field the annotated field
   * @return its declaration, or empty if an error was reported
   */
  public Optional<PhaseDeclaration> checkPhase(VariableElement field) {
    ProbeAnnotation probe = ProbeAnnotation.of(field).orElseThrow();
    boolean ok = checkNames(field, probe, probe.name());
    String owner = ((TypeElement) field.getEnclosingElement()).getQualifiedName().toString();
    String elementName = owner + "#" + field.getSimpleName();
    if (!field.getModifiers().containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))) {
      errors.error(
          field,
          "UsdtPhaseNotConstant",
          "%s is not static final: a phase constant must be a compile-time constant, e.g."
              + " `public static final int %s = 11;`",
          elementName,
          field.getSimpleName());
      ok = false;
    } else if (!PHASE_TYPES.contains(field.asType().getKind())) {
      errors.error(
          field,
          "UsdtPhaseType",
          "%s has type %s: a phase constant must be integral (long, int, short, byte or char)",
          elementName,
          field.asType());
      ok = false;
    } else if (field.getConstantValue() == null) {
      errors.error(
          field,
          "UsdtPhaseNotConstant",
          "%s has no compile-time constant value: initialise it with a literal or constant"
              + " expression",
          elementName);
      ok = false;
    }
    if (!probe.hasArgs()) {
      errors.error(
          field,
          probe.mirror(),
          null,
          "UsdtArgsMissing",
          "set args on phase constant %s: 1 (phase), 2 (phase, value) or 3 (phase, tv_sec,"
              + " tv_nsec)",
          elementName);
      return Optional.empty();
    }
    if (!checkArgsRange(field, probe)) {
      return Optional.empty();
    }
    if (probe.args() < 1 || probe.args() > 3) {
      errors.error(
          field,
          probe.mirror(),
          probe.argsValue(),
          "UsdtPhaseArgs",
          "a phase constant's probe takes 1 (phase), 2 (phase, value) or 3 (phase, tv_sec,"
              + " tv_nsec) arguments, was %d; declare other layouts as probe methods",
          probe.args());
      return Optional.empty();
    }
    if (!ok) {
      return Optional.empty();
    }
    long value = ((Number) phaseValue(field.getConstantValue())).longValue();
    return Optional.of(
        new PhaseDeclaration(
            field,
            provider(field, probe),
            probe.name(),
            PhaseLayout.forArgs(probe.args()),
            value,
            elementName,
            elements.getPackageOf(field).getQualifiedName().toString()));
  }

  /**
   * Checks a typed probe method.
   *
   * @param method the annotated method
   * @return its declaration, or empty if an error was reported
   */
  public Optional<MethodDeclaration> checkMethod(ExecutableElement method) {
    ProbeAnnotation probe = ProbeAnnotation.of(method).orElseThrow();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String elementName = owner.getQualifiedName() + "#" + method.getSimpleName();
    String name = probe.name().isEmpty() ? method.getSimpleName().toString() : probe.name();
    boolean ok = checkNames(method, probe, name);
    ok &= checkOwner(method, owner);
    if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
      errors.error(
          method,
          "UsdtProbeNotAbstract",
          "probe method %s must be abstract: the generated class implements it",
          elementName);
      ok = false;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      errors.error(
          method, "UsdtProbeReturn", "probe method %s must return void", elementName);
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      errors.error(
          method,
          "UsdtProbeGeneric",
          "probe method %s must not be generic: a probe's argument types are fixed",
          elementName);
      ok = false;
    }
    if (!method.getThrownTypes().isEmpty()) {
      errors.error(
          method, "UsdtProbeThrows", "probe method %s must not declare exceptions", elementName);
      ok = false;
    }
    ok &= checkNotOverloaded(method, owner, elementName);
    ok &= checkGeneratedNames(method, owner, elementName);
    if (!checkArgsRange(method, probe)) {
      return Optional.empty();
    }
    int count = method.getParameters().size();
    if (count > MAX_ARGS) {
      errors.error(
          method,
          "UsdtArgsRange",
          "probe method %s has %d parameters; <sys/sdt.h> allows at most %d",
          elementName,
          count,
          MAX_ARGS);
      return Optional.empty();
    }
    if (probe.hasArgs() && probe.args() != count) {
      errors.error(
          method,
          probe.mirror(),
          probe.argsValue(),
          "UsdtArgsMismatch",
          "args = %d but %s has %d parameters; drop args or make them agree",
          probe.args(),
          elementName,
          count);
      ok = false;
    }
    List<Param> params = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<ArgType> type = ArgType.forJavaType(parameter.asType().toString());
      if (type.isEmpty()) {
        errors.error(
            parameter,
            "UsdtArgType",
            "parameter %s of %s has type %s; probes take long, int, short, byte, char, boolean"
                + " or String",
            parameter.getSimpleName(),
            elementName,
            parameter.asType());
        ok = false;
      } else {
        params.add(new Param(parameter.getSimpleName().toString(), type.get()));
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new MethodDeclaration(
                        method,
            owner,
            provider(method, probe),
            name,
            List.copyOf(params),
            elementName,
            elements.getPackageOf(owner).getQualifiedName().toString()));
  }

  private boolean checkNames(Element element, ProbeAnnotation probe, String name) {
    boolean ok = true;
    Optional<String> providerProblem = NameRules.checkProvider(provider(element, probe));
    if (providerProblem.isPresent()) {
      errors.error(
          element,
          probe.mirror(),
          probe.providerValue(),
          "UsdtProviderName",
          "%s",
          providerProblem.get());
      ok = false;
    }
    Optional<String> nameProblem = NameRules.checkProbe(name);
    if (nameProblem.isPresent()) {
      errors.error(
          element, probe.mirror(), probe.nameValue(), "UsdtProbeName", "%s", nameProblem.get());
      ok = false;
    }
    return ok;
  }

  private boolean checkArgsRange(Element element, ProbeAnnotation probe) {
    if (probe.hasArgs() && (probe.args() < 0 || probe.args() > MAX_ARGS)) {
      errors.error(
          element,
          probe.mirror(),
          probe.argsValue(),
          "UsdtArgsRange",
          "args must be 0..%d (the <sys/sdt.h> maximum), was %d",
          MAX_ARGS,
          probe.args());
      return false;
    }
    return true;
  }

  private boolean checkOwner(ExecutableElement method, TypeElement owner) {
    String ownerName = owner.getQualifiedName().toString();
    boolean isInterface = owner.getKind() == ElementKind.INTERFACE;
    boolean isAbstractClass =
        owner.getKind() == ElementKind.CLASS && owner.getModifiers().contains(Modifier.ABSTRACT);
    if (!isInterface && !isAbstractClass) {
      errors.error(
          method,
          "UsdtProbeOwner",
          "probe method %s must be declared in an interface or abstract class, which the"
              + " generated Usdt%s implements",
          method.getSimpleName(),
          owner.getSimpleName());
      return false;
    }
    if (!owner.getTypeParameters().isEmpty()) {
      errors.error(
          method,
          "UsdtProbeGeneric",
          "probe type %s must not be generic: a probe's argument types are fixed",
          ownerName);
      return false;
    }
    if (owner.getModifiers().contains(Modifier.PRIVATE)
        || (owner.getNestingKind() == NestingKind.MEMBER
            && !owner.getModifiers().contains(Modifier.STATIC)
            && !isInterface)) {
      errors.error(
          method,
          "UsdtProbeOwner",
          "probe type %s must be a top-level or static nested type that is not private",
          ownerName);
      return false;
    }
    boolean ok = true;
    for (ExecutableElement other : members(owner).unannotatedAbstractMethods()) {
      // Reported for every probe method of the type; javac shows one error per position.
      errors.error(
          other,
          "UsdtProbeOwner",
          "abstract method %s of probe type %s has no @UsdtProbe; the generated class can only"
              + " implement probes: annotate it or give it a body",
          other.getSimpleName(),
          ownerName);
      ok = false;
    }
    if (isAbstractClass && !hasAccessibleNoArgConstructor(owner)) {
      errors.error(
          method,
          "UsdtProbeOwner",
          "abstract probe class %s needs a constructor without parameters that is not private",
          ownerName);
      ok = false;
    }
    return ok;
  }

  private static boolean hasAccessibleNoArgConstructor(TypeElement owner) {
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(owner.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private boolean checkNotOverloaded(
      ExecutableElement method, TypeElement owner, String elementName) {
    if (members(owner).isOverloaded(method.getSimpleName().toString())) {
      errors.error(
          method,
          "UsdtProbeOverloaded",
          "probe method %s is overloaded; give each probe method its own name",
          elementName);
      return false;
    }
    return true;
  }

  /**
   * The generated class adds {@code is<Method>Enabled()} and private members whose names hold a
   * {@code $}; a probe method must leave room for them.
   */
  private boolean checkGeneratedNames(
      ExecutableElement method, TypeElement owner, String elementName) {
    String name = method.getSimpleName().toString();
    if (name.indexOf('$') >= 0) {
      errors.error(
          method,
          "UsdtNameClash",
          "probe method %s has a $ in its name; the generated Usdt%s keeps $ for its own members:"
              + " rename it",
          elementName,
          owner.getSimpleName());
      return false;
    }
    String enabled = Names.typedEnabledMethod(name);
    OwnerMembers members = members(owner);
    if (members.hasNoArgMethod(enabled)) {
      errors.error(
          method,
          "UsdtNameClash",
          "the generated Usdt%s adds %s() for probe method %s, but %s already has a method %s();"
              + " rename one of them",
          owner.getSimpleName(),
          enabled,
          elementName,
          owner.getQualifiedName(),
          enabled);
      return false;
    }
    ExecutableElement first = members.firstProbeWithEnabledMethod(enabled);
    if (first != null && !first.equals(method)) {
      errors.error(
          method,
          "UsdtNameClash",
          "probe methods %s and %s would both get the generated %s(); rename one of them",
          first.getSimpleName(),
          name,
          enabled);
      return false;
    }
    return true;
  }

  private OwnerMembers members(TypeElement owner) {
    return owners.computeIfAbsent(owner, o -> OwnerMembers.of(o, elements));
  }

  private static String provider(Element element, ProbeAnnotation probe) {
    return probe.provider().isEmpty() ? ProbeAnnotation.enclosingProvider(element) : probe.provider();
  }

  private static Object phaseValue(Object constant) {
    // A char constant arrives as a Character, which is no Number.
    return constant instanceof Character c ? (int) c : constant;
  }
}
