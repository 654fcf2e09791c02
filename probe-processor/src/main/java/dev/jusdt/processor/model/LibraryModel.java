package dev.jusdt.processor.model;

import java.util.List;

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

  /** The generated C source, relative to the source output. */
  public String sourcePath() {
    return "jusdt/" + library + "/" + cName() + "_probes.c";
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

  /** The assembler symbol that names a probe's semaphore in the note. */
  public static String semaphoreSymbol(Probe probe) {
    return "jusdt.semaphore." + probe.provider() + "." + probe.name();
  }
}
