package dev.jusdt.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything one compilation declares: the native library's probes and the Java bindings that fire
 * them. Writers turn it into files; they never validate.
 *
 * @param library the library name; the file is {@code lib<library>.so}
 * @param probes every probe, ordered by semaphore index
 * @param bindings every generated Java class
 */
public record LibraryModel(String library, List<Probe> probes, List<Binding> bindings) {

  /**
   * The most JNI functions, each firing one probe site, that one generated C file holds. gcc
   * spends about 2.5 ms of CPU on each ({@code <sys/sdt.h>} expands to 4 KB of assembler text
   * per site) and about 0.1 s on each file's headers; the Maven plugin compiles the files in
   * parallel. 1,000 probes make four files, as many as a small machine has cores.
   */
  public static final int FUNCTIONS_PER_SOURCE = 250;

  /**
   * Builds the model of a compilation.
   *
   * @param library the library name
   * @param phases checked phase constants
   * @param methods checked probe methods
   * @return the model, probes ordered by provider and name
   */
  public static LibraryModel create(
      String library, List<PhaseDeclaration> phases, List<MethodDeclaration> methods) {
    return ModelBuilder.build(library, phases, methods);
  }

  /** The library name as a C identifier, the stem of generated C names. */
  public String cName() {
    return Names.cIdentifier(library);
  }

  /** The hidden C array holding one semaphore per probe. */
  public String semaphoreArray() {
    return "jusdt_semaphores_" + cName();
  }

  /**
   * The generated C sources, relative to the source output: {@code NAME_probes.c}, which holds
   * the semaphores, then {@code NAME_probes_2.c} and on when there are more than {@link
   * #FUNCTIONS_PER_SOURCE} firing functions.
   */
  public List<String> sourcePaths() {
    int functions = 0;
    for (Binding binding : bindings) {
      functions += binding.methods().size();
    }
    int files = Math.max(1, (functions + FUNCTIONS_PER_SOURCE - 1) / FUNCTIONS_PER_SOURCE);
    List<String> paths = new ArrayList<>();
    paths.add("jusdt/" + library + "/" + cName() + "_probes.c");
    for (int i = 2; i <= files; i++) {
      paths.add("jusdt/" + library + "/" + cName() + "_probes_" + i + ".c");
    }
    return paths;
  }

  /** The generated C header, relative to the source output. */
  public String headerPath() {
    return "jusdt/" + library + "/" + headerName();
  }

  /** The header's file name, as hand-written C includes it. */
  public String headerName() {
    return cName() + "_probes.h";
  }

  /** The manifest, relative to the class output. */
  public String manifestPath() {
    return "META-INF/jusdt/" + library + ".json";
  }

  /** The providers of the library's probes, in probe order. */
  public Set<String> providers() {
    Set<String> providers = new LinkedHashSet<>();
    probes.forEach(probe -> providers.add(probe.provider()));
    return providers;
  }

  /** The probes of one provider, in semaphore order. */
  public List<Probe> probes(String provider) {
    return probes.stream().filter(p -> p.provider().equals(provider)).toList();
  }

  /** A provider's bpftrace script, relative to the class output (and so to the jar's root). */
  public String bpftraceScriptPath(String provider) {
    return "META-INF/jusdt/" + library + "/" + provider + ".bt";
  }

  /** A provider's bcc (Python) script, relative to the class output. */
  public String bccScriptPath(String provider) {
    return "META-INF/jusdt/" + library + "/" + provider + "_trace.py";
  }

  /** Every trace script, relative to the class output, in provider order. */
  public List<String> scriptPaths() {
    return providers().stream()
        .flatMap(p -> Stream.of(bpftraceScriptPath(p), bccScriptPath(p)))
        .toList();
  }

  /** The assembler symbol that names a probe's semaphore in the note. */
  public static String semaphoreSymbol(Probe probe) {
    return "jusdt.semaphore." + probe.provider() + "." + probe.name();
  }
}
