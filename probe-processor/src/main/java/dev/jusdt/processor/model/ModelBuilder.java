package dev.jusdt.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/** Builds a {@link LibraryModel} from checked declarations that agree with each other. */
final class ModelBuilder {

  private static final Param PHASE = new Param("phase", ArgType.LONG);

  private ModelBuilder() {}

  static LibraryModel build(
      String library, List<PhaseDeclaration> phaseDeclarations, List<MethodDeclaration> methods) {
    // Sorted keys give every probe a semaphore index that does not depend on javac's element order.
    Map<String, List<PhaseDeclaration>> phasesByProbe = new TreeMap<>();
    for (PhaseDeclaration phase : phaseDeclarations) {
      phasesByProbe.computeIfAbsent(key(phase.provider(), phase.name()), k -> new ArrayList<>()).add(phase);
    }
    Map<String, List<MethodDeclaration>> methodsByProbe = new TreeMap<>();
    for (MethodDeclaration method : methods) {
      methodsByProbe.computeIfAbsent(key(method.provider(), method.name()), k -> new ArrayList<>()).add(method);
    }
    Set<String> keys = new TreeSet<>(phasesByProbe.keySet());
    keys.addAll(methodsByProbe.keySet());

    Map<String, Probe> probes = new LinkedHashMap<>();
    int index = 0;
    for (String key : keys) {
      Probe probe =
          phasesByProbe.containsKey(key)
              ? phaseProbe(index++, phasesByProbe.get(key))
              : methodProbe(index++, methodsByProbe.get(key));
      probes.put(key, probe);
    }

    List<Binding> bindings = new ArrayList<>();
    bindings.addAll(phaseBindings(phaseDeclarations, probes));
    bindings.addAll(typedBindings(methods, probes));
    bindings.sort(Comparator.comparing(Binding::qualifiedName));
    return new LibraryModel(library, List.copyOf(probes.values()), List.copyOf(bindings));
  }

  private static Probe phaseProbe(int index, List<PhaseDeclaration> declarations) {
    List<PhaseDeclaration> sorted = new ArrayList<>(declarations);
    sorted.sort(Comparator.comparingLong(PhaseDeclaration::value));
    PhaseDeclaration first = sorted.get(0);
    String macro = Names.macro(first.provider(), first.name());
    List<Site> sites =
        switch (first.layout()) {
          case PHASE_ONLY -> List.of(new Site(macro, List.of(PHASE)));
          case PHASE_VALUE ->
              List.of(
                  new Site(macro, List.of(PHASE, new Param("value", ArgType.LONG))),
                  new Site(macro + "_STR", List.of(PHASE, new Param("value", ArgType.STRING))));
          case PHASE_BOOTTIME ->
              List.of(
                  new Site(
                      macro,
                      List.of(
                          PHASE,
                          new Param("tv_sec", ArgType.LONG),
                          new Param("tv_nsec", ArgType.LONG))));
        };
    return new Probe(
        first.provider(),
        first.name(),
        macro,
        index,
        first.layout().argumentNames(),
        sites,
        sorted.stream().map(PhaseDeclaration::elementName).toList(),
        sorted.stream()
            .map(p -> new Phase(p.element().getSimpleName().toString(), p.value(), p.elementName()))
            .toList());
  }

  private static Probe methodProbe(int index, List<MethodDeclaration> declarations) {
    MethodDeclaration first = declarations.get(0);
    String macro = Names.macro(first.provider(), first.name());
    return new Probe(
        first.provider(),
        first.name(),
        macro,
        index,
        first.params().stream().map(Param::name).toList(),
        List.of(new Site(macro, first.params())),
        declarations.stream().map(MethodDeclaration::elementName).sorted().toList(),
        List.of());
  }

  private static List<Binding> phaseBindings(
      List<PhaseDeclaration> declarations, Map<String, Probe> probes) {
    // One class per package and provider; its methods in probe order.
    Map<String, Map<String, Probe>> probesByClass = new TreeMap<>();
    Map<String, List<Element>> origins = new TreeMap<>();
    for (PhaseDeclaration phase : declarations) {
      String packageName = phase.packageName();
      String simpleName = Names.phaseBinding(phase.provider());
      String qualified = packageName + " " + simpleName;
      probesByClass
          .computeIfAbsent(qualified, k -> new TreeMap<>())
          .put(key(phase.provider(), phase.name()), probes.get(key(phase.provider(), phase.name())));
      List<Element> origin = origins.computeIfAbsent(qualified, k -> new ArrayList<>());
      Element type = phase.element().getEnclosingElement();
      if (!origin.contains(type)) {
        origin.add(type);
      }
    }
    List<Binding> bindings = new ArrayList<>();
    for (Map.Entry<String, Map<String, Probe>> entry : probesByClass.entrySet()) {
      String[] name = entry.getKey().split(" ");
      List<BindingMethod> methods = new ArrayList<>();
      for (Probe probe : entry.getValue().values()) {
        String method = Names.phaseMethod(probe.name());
        String enabled = Names.phaseEnabledMethod(probe.name());
        Site site = probe.sites().get(0);
        boolean boottime = site.params().size() == 3;
        methods.add(
            new BindingMethod(
                method,
                enabled,
                Names.nativeMethod(method, ""),
                probe,
                site,
                boottime ? List.of(PHASE) : site.params(),
                boottime));
        if (probe.sites().size() > 1) {
          Site strings = probe.sites().get(1);
          methods.add(
              new BindingMethod(
                  method, enabled, Names.nativeMethod(method, "str"), probe, strings, strings.params(), false));
        }
      }
      bindings.add(
          new Binding(
              name[0],
              name[1],
              BindingKind.PHASES,
              "",
              List.copyOf(methods),
              List.copyOf(origins.get(entry.getKey()))));
    }
    return bindings;
  }

  private static List<Binding> typedBindings(
      List<MethodDeclaration> declarations, Map<String, Probe> probes) {
    Map<Element, List<MethodDeclaration>> byOwner = new LinkedHashMap<>();
    for (MethodDeclaration method : declarations) {
      byOwner.computeIfAbsent(method.owner(), k -> new ArrayList<>()).add(method);
    }
    List<Binding> bindings = new ArrayList<>();
    for (List<MethodDeclaration> owned : byOwner.values()) {
      MethodDeclaration first = owned.get(0);
      String qualified = first.owner().getQualifiedName().toString();
      List<BindingMethod> methods = new ArrayList<>();
      for (MethodDeclaration method : owned) {
        Probe probe = probes.get(key(method.provider(), method.name()));
        String javaName = method.element().getSimpleName().toString();
        methods.add(
            new BindingMethod(
                javaName,
                Names.typedEnabledMethod(javaName),
                Names.nativeMethod(javaName, ""),
                probe,
                probe.sites().get(0),
                method.params(),
                false));
      }
      bindings.add(
          new Binding(
              first.packageName(),
              Names.typedBinding(qualified, first.packageName()),
              first.owner().getKind() == ElementKind.INTERFACE
                  ? BindingKind.IMPLEMENTS
                  : BindingKind.EXTENDS,
              qualified,
              List.copyOf(methods),
              List.of(first.owner())));
    }
    return bindings;
  }

  private static String key(String provider, String name) {
    return provider + ":" + name;
  }
}
