package dev.jusdt.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.Binding;
import dev.jusdt.processor.model.BindingKind;
import dev.jusdt.processor.model.BindingMethod;
import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.Phase;
import dev.jusdt.processor.model.Probe;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes a binding class: public methods that fire probes, each guarded by a Java-side read of the
 * probe's semaphore so that no call crosses into native code while no tracer is attached.
 */
public final class JavaBindingWriter {

  private static final ClassName PROBE_LIBRARY = ClassName.get("dev.jusdt.runtime", "ProbeLibrary");
  private static final ClassName SEMAPHORES = ClassName.get("dev.jusdt.runtime", "Semaphores");
  private static final ClassName SEMAPHORE_ARRAY =
      ClassName.get("dev.jusdt.runtime", "SemaphoreArray");

  private final Optional<ClassName> generatedAnnotation;

  /**
   * Creates a writer.
   *
   * @param generatedAnnotation {@code javax.annotation.processing.Generated} when the compilation
   *     has it
   */
  public JavaBindingWriter(Optional<ClassName> generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
  }

  /**
   * Writes one binding.
   *
   * @param library the library the binding's probes live in
   * @param binding the binding
   * @return the Java file
   */
  public JavaFile write(LibraryModel library, Binding binding) {
    ClassName self = ClassName.get(binding.packageName(), binding.simpleName());
    boolean statics = binding.kind() == BindingKind.PHASES;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(classJavadoc(library, binding));
    generatedAnnotation.ifPresent(
        generated ->
            type.addAnnotation(
                AnnotationSpec.builder(generated)
                    .addMember("value", "$S", GeneratedBy.PROCESSOR)
                    .build()));
    for (Element origin : binding.originatingElements()) {
      type.addOriginatingElement(origin);
    }
    if (binding.kind() == BindingKind.IMPLEMENTS) {
      type.addSuperinterface(ClassName.bestGuess(binding.declaringType()));
    } else if (binding.kind() == BindingKind.EXTENDS) {
      type.superclass(ClassName.bestGuess(binding.declaringType()));
    }

    type.addField(
        FieldSpec.builder(String.class, "LIBRARY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", library.library())
            .build());
    type.addField(
        FieldSpec.builder(SEMAPHORE_ARRAY, "SEMAPHORES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$N()", Names.SEMAPHORES_LOADER)
            .build());
    if (!statics) {
      type.addField(
          FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The probes; every method is a no-op while no tracer is attached.\n")
              .initializer("new $T()", self)
              .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    Set<String> enabledWritten = new HashSet<>();
    for (BindingMethod method : binding.methods()) {
      if (enabledWritten.add(method.enabledName())) {
        type.addMethod(enabledMethod(method, statics));
      }
      type.addMethod(fireMethod(method, statics, binding.kind() != BindingKind.PHASES));
      type.addMethod(nativeMethod(method));
    }
    type.addMethod(semaphoresMethod(self, library));
    type.addMethod(
        MethodSpec.methodBuilder(Names.SEMAPHORES_NATIVE)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.NATIVE)
            .returns(ByteBuffer.class)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder(Names.SEMAPHORES_ADDRESS_NATIVE)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.NATIVE)
            .returns(TypeName.LONG)
            .build());

    return JavaFile.builder(binding.packageName(), type.build())
        .addFileComment(GeneratedBy.COMMENT)
        .skipJavaLangImports(true)
        .build();
  }

  private static CodeBlock classJavadoc(LibraryModel library, Binding binding) {
    CodeBlock.Builder doc = CodeBlock.builder();
    if (binding.kind() == BindingKind.PHASES) {
      Probe first = binding.methods().get(0).probe();
      doc.add("Fires the USDT probes of provider {@code $L} declared in this package.\n", first.provider());
    } else {
      doc.add("Fires the USDT probes declared by {@link $L}.\n", binding.declaringType());
    }
    doc.add("\n<p>The probes live in {@code lib$L.so}, loaded on first use. While no tracer is\n", library.library());
    doc.add("attached, a firing method costs one memory read and builds none of its arguments.\n");
    return doc.build();
  }

  private static MethodSpec enabledMethod(BindingMethod method, boolean statics) {
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.enabledName())
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addJavadoc(
                "Whether a tracer is attached to {@code $L}.\n\n@return true while one is\n",
                method.probe().qualifiedName())
            .addStatement("return $T.isSet(SEMAPHORES, $L)", SEMAPHORES, method.probe().semaphoreIndex());
    if (statics) {
      builder.addModifiers(Modifier.STATIC);
    }
    return builder.build();
  }

  private static MethodSpec fireMethod(BindingMethod method, boolean statics, boolean overrides) {
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.name()).addModifiers(Modifier.PUBLIC).addJavadoc(fireJavadoc(method));
    if (statics) {
      builder.addModifiers(Modifier.STATIC);
    }
    if (overrides) {
      builder.addAnnotation(Override.class);
    }
    CodeBlock.Builder arguments = CodeBlock.builder();
    List<String> names = parameterNames(method);
    for (int i = 0; i < method.params().size(); i++) {
      Param param = method.params().get(i);
      builder.addParameter(ParameterSpec.builder(javaType(param.type()), names.get(i)).build());
      if (!arguments.isEmpty()) {
        arguments.add(", ");
      }
      // A String goes as it is: the native side encodes it on its stack, and only behind the
      // semaphore check, so a disabled probe builds no bytes and an enabled one allocates none.
      // Its length goes beside it, read here for nothing rather than by a JNI call there.
      arguments.add("$N", names.get(i));
      if (param.type() == ArgType.STRING) {
        arguments.add(", $1N == null ? 0 : $1N.length()", names.get(i));
      }
    }
    builder
        .beginControlFlow("if ($T.isSet(SEMAPHORES, $L))", SEMAPHORES, method.probe().semaphoreIndex())
        .addStatement("$N($L)", method.nativeName(), arguments.build())
        .endControlFlow();
    return builder.build();
  }

  /**
   * The parameters' names in generated methods: the declared ones, except where one would hide a
   * name the method body uses ({@code SEMAPHORES}, {@code Semaphores}).
   */
  private static List<String> parameterNames(BindingMethod method) {
    NameAllocator names = new NameAllocator();
    for (String used : List.of("SEMAPHORES", SEMAPHORES.simpleName())) {
      names.newName(used, used);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < method.params().size(); i++) {
      out.add(names.newName(method.params().get(i).name(), i));
    }
    return out;
  }

  private static CodeBlock fireJavadoc(BindingMethod method) {
    Probe probe = method.probe();
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("Fires {@code $L($L)}", probe.qualifiedName(), String.join(", ", method.site().params().stream().map(Param::name).toList()));
    if (method.boottime()) {
      doc.add(",\nthe time read from {@code CLOCK_BOOTTIME} at the probe site");
    }
    doc.add(".\n");
    if (!probe.phases().isEmpty()) {
      doc.add("\n<p>Phases:\n<ul>\n");
      for (Phase phase : probe.phases()) {
        doc.add("  <li>$L: {@code $L}\n", phase.value(), phase.constant());
      }
      doc.add("</ul>\n");
    }
    doc.add("\n");
    List<String> names = parameterNames(method);
    for (int i = 0; i < method.params().size(); i++) {
      doc.add("@param $L the probe's {@code $L} argument\n", names.get(i), method.params().get(i).name());
    }
    return doc.build();
  }

  private static MethodSpec nativeMethod(BindingMethod method) {
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.nativeName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.NATIVE);
    List<String> names = parameterNames(method);
    NameAllocator lengthNames = new NameAllocator();
    names.forEach(name -> lengthNames.newName(name, name));
    for (int i = 0; i < method.params().size(); i++) {
      ArgType type = method.params().get(i).type();
      builder.addParameter(javaType(type), names.get(i));
      if (type == ArgType.STRING) {
        builder.addParameter(TypeName.INT, lengthNames.newName(names.get(i) + "Length", i));
      }
    }
    return builder.build();
  }

  private static MethodSpec semaphoresMethod(ClassName self, LibraryModel library) {
    int count = library.probes().size();
    return MethodSpec.methodBuilder(Names.SEMAPHORES_LOADER)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(SEMAPHORE_ARRAY)
        .beginControlFlow("if ($T.load(LIBRARY, $T.class))", PROBE_LIBRARY, self)
        .beginControlFlow("try")
        .addStatement(
            "return $T.attach($N(), $N(), $L)",
            SEMAPHORES,
            Names.SEMAPHORES_NATIVE,
            Names.SEMAPHORES_ADDRESS_NATIVE,
            count)
        // IllegalCallerException: JDK 24+ run with --illegal-native-access=deny.
        .nextControlFlow(
            "catch ($T | $T | $T e)",
            LinkageError.class,
            IllegalStateException.class,
            IllegalCallerException.class)
        .addStatement("$T.disable(LIBRARY, e)", PROBE_LIBRARY)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $T.none($L)", SEMAPHORES, count)
        .build();
  }

  private static TypeName javaType(ArgType type) {
    return switch (type) {
      case LONG -> TypeName.LONG;
      case INT -> TypeName.INT;
      case SHORT -> TypeName.SHORT;
      case BYTE -> TypeName.BYTE;
      case CHAR -> TypeName.CHAR;
      case BOOLEAN -> TypeName.BOOLEAN;
      case STRING -> ClassName.get(String.class);
    };
  }
}
