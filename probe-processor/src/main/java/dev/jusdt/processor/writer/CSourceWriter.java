package dev.jusdt.processor.writer;

import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.Binding;
import dev.jusdt.processor.model.BindingMethod;
import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the library's C source: the semaphore array, the semaphore symbols the note points at,
 * and one JNI function per firing method, each expanding the header's probe macro.
 */
public final class CSourceWriter {

  private static final String STRING_COPY =
      """

      /* Short strings are copied to the stack; longer ones to the heap, "" if that fails. */
      #define JUSDT_STACK_STRING 256

      static const char *jusdt_string(JNIEnv *env, jbyteArray bytes, char *stack, char **heap) {
        jsize length = bytes == NULL ? 0 : (*env)->GetArrayLength(env, bytes);
        char *buffer = stack;
        *heap = NULL;
        if (length >= JUSDT_STACK_STRING) {
          buffer = *heap = malloc((size_t)length + 1);
          if (buffer == NULL) {
            return "";
          }
        }
        if (length > 0) {
          (*env)->GetByteArrayRegion(env, bytes, 0, length, (jbyte *)buffer);
        }
        buffer[length] = '\\0';
        return buffer;
      }
      """;

  /**
   * Writes the source.
   *
   * @param library the library
   * @return the C source's text
   */
  public String write(LibraryModel library) {
    StringBuilder out = new StringBuilder();
    out.append("/* ").append(GeneratedBy.COMMENT).append(" */\n\n");
    // clock_gettime and CLOCK_BOOTTIME, also under a strict -std=c11.
    out.append("#ifndef _GNU_SOURCE\n#define _GNU_SOURCE\n#endif\n\n");
    out.append("#include <jni.h>\n");
    out.append("#include <stdlib.h>\n");
    out.append("#include \"").append(library.headerName()).append("\"\n\n");
    out.append("/*\n");
    out.append(" * One semaphore per probe, in the section tracers expect. While a tracer is attached it\n");
    out.append(" * is non-zero (the kernel counts uprobes that have a reference counter), which the Java\n");
    out.append(" * bindings read through a direct buffer before crossing into native code.\n");
    out.append(" */\n");
    out.append("__attribute__((visibility(\"hidden\"), section(\".probes\"), used))\n");
    out.append("volatile unsigned short ")
        .append(library.semaphoreArray())
        .append('[')
        .append(Math.max(1, library.probes().size()))
        .append("];\n");
    if (!library.probes().isEmpty()) {
      out.append('\n');
    }
    for (Probe probe : library.probes()) {
      // One statement per probe: one string for all would pass the 4095 characters that C99
      // promises to compile (clang -Wpedantic -Woverlength-strings) at about 25 probes.
      String symbol = "\\\"" + LibraryModel.semaphoreSymbol(probe) + "\\\"";
      out.append("__asm__(\"\\t.globl ").append(symbol).append("\\n\"\n");
      out.append("        \"\\t.hidden ").append(symbol).append("\\n\"\n");
      out.append("        \"\\t.set ")
          .append(symbol)
          .append(", ")
          .append(library.semaphoreArray())
          .append(" + ")
          .append(2 * probe.semaphoreIndex())
          .append("\\n\");\n");
    }
    if (usesStrings(library)) {
      out.append(STRING_COPY);
    }
    for (Binding binding : library.bindings()) {
      out.append('\n');
      writeSemaphoresFunction(out, library, binding);
      for (BindingMethod method : binding.methods()) {
        out.append('\n');
        writeFireFunction(out, binding, method);
      }
    }
    return out.toString();
  }

  private static boolean usesStrings(LibraryModel library) {
    for (Binding binding : library.bindings()) {
      for (BindingMethod method : binding.methods()) {
        for (Param param : method.params()) {
          if (param.type() == ArgType.STRING) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void writeSemaphoresFunction(StringBuilder out, LibraryModel library, Binding binding) {
    out.append("JNIEXPORT jobject JNICALL ")
        .append(JniNames.function(binding.qualifiedName(), Names.SEMAPHORES_NATIVE))
        .append("(JNIEnv *env, jclass cls) {\n");
    out.append("  (void)cls;\n");
    out.append("  return (*env)->NewDirectByteBuffer(env, (void *)")
        .append(library.semaphoreArray())
        .append(", (jlong)sizeof(")
        .append(library.semaphoreArray())
        .append("));\n");
    out.append("}\n");
    out.append("\n");
    out.append("JNIEXPORT jlong JNICALL ")
        .append(JniNames.function(binding.qualifiedName(), Names.SEMAPHORES_ADDRESS_NATIVE))
        .append("(JNIEnv *env, jclass cls) {\n");
    out.append("  (void)env;\n");
    out.append("  (void)cls;\n");
    out.append("  return (jlong)(size_t)(void *)").append(library.semaphoreArray()).append(";\n");
    out.append("}\n");
  }

  private static void writeFireFunction(StringBuilder out, Binding binding, BindingMethod method) {
    List<String> params = new ArrayList<>();
    List<String> arguments = new ArrayList<>();
    List<String> body = new ArrayList<>();
    List<String> cleanup = new ArrayList<>();
    boolean usesEnv = false;
    for (int i = 0; i < method.params().size(); i++) {
      Param param = method.params().get(i);
      String name = "arg" + i;
      params.add(param.type().jniType() + " " + name);
      if (param.type() == ArgType.STRING) {
        usesEnv = true;
        body.add("  char " + name + "_stack[JUSDT_STACK_STRING];");
        body.add("  char *" + name + "_heap;");
        body.add("  const char *" + name + "_c = jusdt_string(env, " + name + ", " + name + "_stack, &" + name + "_heap);");
        arguments.add(name + "_c");
        cleanup.add("  free(" + name + "_heap);");
      } else {
        arguments.add(name);
      }
    }
    if (method.boottime()) {
      body.add("  struct timespec now;");
      body.add("  (void)clock_gettime(CLOCK_BOOTTIME, &now);");
      arguments.add("now.tv_sec");
      arguments.add("now.tv_nsec");
    }
    out.append("/* ").append(method.probe().qualifiedName()).append(": ").append(binding.simpleName()).append('.').append(method.name()).append(" */\n");
    out.append("JNIEXPORT void JNICALL ")
        .append(JniNames.function(binding.qualifiedName(), method.nativeName()))
        .append("(JNIEnv *env, jclass cls");
    for (String param : params) {
      out.append(", ").append(param);
    }
    out.append(") {\n");
    if (!usesEnv) {
      out.append("  (void)env;\n");
    }
    out.append("  (void)cls;\n");
    body.forEach(line -> out.append(line).append('\n'));
    out.append("  ").append(method.site().macro()).append('(').append(String.join(", ", arguments)).append(");\n");
    cleanup.forEach(line -> out.append(line).append('\n'));
    out.append("}\n");
  }
}
