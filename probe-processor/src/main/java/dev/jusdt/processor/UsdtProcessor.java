package dev.jusdt.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.jusdt.processor.check.DeclarationChecker;
import dev.jusdt.processor.check.ErrorReporter;
import dev.jusdt.processor.check.ProbeSetChecker;
import dev.jusdt.processor.model.Binding;
import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.MethodDeclaration;
import dev.jusdt.processor.model.PhaseDeclaration;
import dev.jusdt.processor.writer.BccScriptWriter;
import dev.jusdt.processor.writer.BpftraceScriptWriter;
import dev.jusdt.processor.writer.CHeaderWriter;
import dev.jusdt.processor.writer.CSourceWriter;
import dev.jusdt.processor.writer.JavaBindingWriter;
import dev.jusdt.processor.writer.ManifestWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns {@code @UsdtProbe} declarations into Java bindings, the C source and header of the native
 * probe library, its manifest, and a bpftrace and a bcc trace script per provider. Register it on
 * the compiler's processor path; the option {@code -Ajusdt.library=NAME} names the library ({@code
 * lib<NAME>.so}), by default the first provider in alphabetical order.
 */
@AutoService(Processor.class)
public final class UsdtProcessor extends AbstractProcessor {

  /** The option that names the native library. */
  public static final String LIBRARY_OPTION = "jusdt.library";

  private static final Pattern LIBRARY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private static final String PROBE = "dev.jusdt.annotations.UsdtProbe";
  private static final String PROVIDER = "dev.jusdt.annotations.UsdtProvider";

  private boolean generated;

  /** Creates the processor; javac does, through {@link java.util.ServiceLoader}. */
  public UsdtProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(PROBE, PROVIDER);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(LIBRARY_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement probeAnnotation = processingEnv.getElementUtils().getTypeElement(PROBE);
    if (probeAnnotation == null) {
      return false;
    }
    Set<? extends Element> annotated = round.getElementsAnnotatedWith(probeAnnotation);
    if (annotated.isEmpty()) {
      return false;
    }
    ErrorReporter errors = new ErrorReporter(processingEnv.getMessager());
    if (generated) {
      for (Element element : annotated) {
        errors.error(
            element,
            "UsdtLateProbe",
            "@UsdtProbe in a generated source is not supported: the probe library was already"
                + " written in an earlier round; declare the probe in a hand-written source");
      }
      return false;
    }
    generated = true;
    DeclarationChecker checker =
        new DeclarationChecker(errors, processingEnv.getElementUtils());
    List<PhaseDeclaration> phases = new ArrayList<>();
    List<MethodDeclaration> methods = new ArrayList<>();
    for (Element element : annotated) {
      try {
        if (element.getKind() == ElementKind.FIELD) {
          checker.checkPhase((VariableElement) element).ifPresent(phases::add);
        } else if (element.getKind() == ElementKind.METHOD) {
          checker.checkMethod((ExecutableElement) element).ifPresent(methods::add);
        }
      } catch (RuntimeException e) {
        errors.error(element, "UsdtInternal", "probe-processor failed here: %s; please report it", e);
      }
    }
    new ProbeSetChecker(errors, processingEnv.getElementUtils()).check(phases, methods);
    String libraryName = libraryName(phases, methods, errors);
    if (errors.hasErrors()) {
      return false;
    }
    LibraryModel library = LibraryModel.create(libraryName, phases, methods);
    try {
      write(library);
    } catch (IOException | UncheckedIOException e) {
      errors.error(
          annotated.iterator().next(),
          "UsdtWriteFailed",
          "could not write the probe library's files: %s",
          e);
    } catch (RuntimeException e) {
      // A writer bug must not crash javac: the user gets an error to report instead.
      errors.error(
          annotated.iterator().next(),
          "UsdtInternal",
          "probe-processor failed writing the probe library's files: %s; please report it",
          e);
    }
    return false;
  }

  private String libraryName(
      List<PhaseDeclaration> phases, List<MethodDeclaration> methods, ErrorReporter errors) {
    String option = processingEnv.getOptions().get(LIBRARY_OPTION);
    if (option != null && !option.isBlank()) {
      String name = option.trim();
      // A name both probe-maven-plugin (which adds +) and probe-runtime (which adds a leading -)
      // accept: a plain file name, lib<name>.so.
      if (!LIBRARY_NAME.matcher(name).matches()) {
        errors.error(
            "UsdtLibraryName",
            "-A%s=%s is not a library name: use letters, digits, _, - and ., starting with a"
                + " letter, digit or _ (the library is lib<name>.so)",
            LIBRARY_OPTION,
            name);
      }
      return name;
    }
    Set<String> providers = new TreeSet<>();
    phases.forEach(p -> providers.add(p.provider()));
    methods.forEach(m -> providers.add(m.provider()));
    // Empty only when every declaration had an error, and then nothing is written.
    return providers.isEmpty() ? "" : providers.iterator().next();
  }

  private void write(LibraryModel library) throws IOException {
    Optional<ClassName> generatedAnnotation =
        processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") == null
            ? Optional.empty()
            : Optional.of(ClassName.get("javax.annotation.processing", "Generated"));
    JavaBindingWriter javaWriter = new JavaBindingWriter(generatedAnnotation);
    List<Element> origins = new ArrayList<>();
    for (Binding binding : library.bindings()) {
      javaWriter.write(library, binding).writeTo(processingEnv.getFiler());
      origins.addAll(binding.originatingElements());
    }
    Element[] originArray = origins.toArray(new Element[0]);
    List<String> sourcePaths = library.sourcePaths();
    List<String> sources = new CSourceWriter().write(library);
    for (int i = 0; i < sourcePaths.size(); i++) {
      writeResource(StandardLocation.SOURCE_OUTPUT, sourcePaths.get(i), sources.get(i), originArray);
    }
    writeResource(StandardLocation.SOURCE_OUTPUT, library.headerPath(), new CHeaderWriter().write(library), originArray);
    writeResource(StandardLocation.CLASS_OUTPUT, library.manifestPath(), new ManifestWriter().write(library), originArray);
    BpftraceScriptWriter bpftrace = new BpftraceScriptWriter();
    BccScriptWriter bcc = new BccScriptWriter();
    for (String provider : library.providers()) {
      writeResource(StandardLocation.CLASS_OUTPUT, library.bpftraceScriptPath(provider), bpftrace.write(library, provider), originArray);
      writeResource(StandardLocation.CLASS_OUTPUT, library.bccScriptPath(provider), bcc.write(library, provider), originArray);
    }
  }

  private void writeResource(
      StandardLocation location, String path, String text, Element[] origins) throws IOException {
    FileObject file = processingEnv.getFiler().createResource(location, "", path, origins);
    try (Writer writer = file.openWriter()) {
      writer.write(text);
    }
  }
}
