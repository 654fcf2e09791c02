package dev.jusdt.processor.check;

import dev.jusdt.processor.model.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What the checks of a probe method need to know about the other members of its type, gathered
 * once per type. Scanning the members again for every probe method made the checks quadratic:
 * with 500 probe methods in one interface they took seconds of the build.
 */
final class OwnerMembers {

  private final List<ExecutableElement> unannotatedAbstract;
  private final Map<String, Integer> methodsByName;
  private final Set<String> inheritedOrOwnNoArgMethods;
  private final Map<String, ExecutableElement> firstProbeByEnabledMethod;

  private OwnerMembers(
      List<ExecutableElement> unannotatedAbstract,
      Map<String, Integer> methodsByName,
      Set<String> inheritedOrOwnNoArgMethods,
      Map<String, ExecutableElement> firstProbeByEnabledMethod) {
    this.unannotatedAbstract = unannotatedAbstract;
    this.methodsByName = methodsByName;
    this.inheritedOrOwnNoArgMethods = inheritedOrOwnNoArgMethods;
    this.firstProbeByEnabledMethod = firstProbeByEnabledMethod;
  }

  /**
   * Reads the members of a type.
   *
   * @param owner the type declaring probe methods
   * @param elements javac's element utilities, for the inherited members
   * @return its members, as the checks need them
   */
  static OwnerMembers of(TypeElement owner, Elements elements) {
    List<ExecutableElement> unannotatedAbstract = new ArrayList<>();
    Map<String, Integer> methodsByName = new HashMap<>();
    Map<String, ExecutableElement> firstProbe = new LinkedHashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      String name = method.getSimpleName().toString();
      methodsByName.merge(name, 1, Integer::sum);
      boolean probe = ProbeAnnotation.of(method).isPresent();
      if (probe) {
        firstProbe.putIfAbsent(Names.typedEnabledMethod(name), method);
      } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        unannotatedAbstract.add(method);
      }
    }
    Set<String> noArg = new HashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
      if (method.getParameters().isEmpty()) {
        noArg.add(method.getSimpleName().toString());
      }
    }
    return new OwnerMembers(List.copyOf(unannotatedAbstract), methodsByName, noArg, firstProbe);
  }

  /** The abstract methods without {@code @UsdtProbe}, which the generated class cannot implement. */
  List<ExecutableElement> unannotatedAbstractMethods() {
    return unannotatedAbstract;
  }

  /** Whether the type declares more than one method of this name. */
  boolean isOverloaded(String methodName) {
    return methodsByName.getOrDefault(methodName, 0) > 1;
  }

  /** Whether the type declares or inherits a method of this name without parameters. */
  boolean hasNoArgMethod(String methodName) {
    return inheritedOrOwnNoArgMethods.contains(methodName);
  }

  /**
   * The first probe method, in declaration order, whose generated {@code is...Enabled()} has this
   * name.
   */
  ExecutableElement firstProbeWithEnabledMethod(String enabledMethod) {
    return firstProbeByEnabledMethod.get(enabledMethod);
  }
}
