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

      /*
       * A String argument as tracers read it: standard UTF-8 (not JNI's modified UTF-8), ended by
       * NUL, "" for null. An unpaired surrogate becomes '?', as in String.getBytes(UTF_8); an
       * embedded NUL is the byte 0, where C readers stop, and the rest follows it. The characters
       * are copied out with GetStringRegion, so no Java object is made: short strings are encoded
       * on the stack, longer ones on the heap ("" if that fails). UTF-8 takes at most 3 bytes per
       * UTF-16 unit (4 for a surrogate pair). The length comes from Java, where String.length()
       * is a field read: GetStringLength was a JNI call, a VM transition, of its own.
       */
      #define JUSDT_STACK_STRING 256
      #define JUSDT_STACK_UNITS ((JUSDT_STACK_STRING - 1) / 3)

      static const char *jusdt_string(JNIEnv *env, jstring string, jsize length, char *stack, char **heap) {
        jchar units_stack[JUSDT_STACK_UNITS];
        jchar *units = units_stack;
        char *out = stack;
        size_t n = 0;
        *heap = NULL;
        if (string == NULL || length <= 0) {
          return "";
        }
        if (length > JUSDT_STACK_UNITS) {
          /* The units first, so that they are aligned. */
          units = malloc((size_t)length * 5 + 1);
          if (units == NULL) {
            return "";
          }
          *heap = (char *)units;
          out = (char *)(units + length);
        }
        (*env)->GetStringRegion(env, string, 0, length, units);
        /* ASCII, the common case, in a loop of its own: a byte per unit, twice as fast. */
        jsize i = 0;
        while (i < length && units[i] < 0x80) {
          out[i] = (char)units[i];
          i++;
        }
        n = (size_t)i;
        for (; i < length; i++) {
          uint32_t c = units[i];
          if (c < 0x80) {
            out[n++] = (char)c;
          } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
          } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length
              && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)units[++i] - 0xDC00);
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
          } else if (c >= 0xD800 && c <= 0xDFFF) {
            out[n++] = '?';
          } else {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
          }
        }
        out[n] = '\\0';
        return out;
      }
      """;

  /**
   * Writes the sources.
   *
   * @param library the library
   * @return the text of each file of {@link LibraryModel#sourcePaths()}, in that order
   */
  public List<String> write(LibraryModel library) {
    List<List<Function>> parts = partition(library);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      StringBuilder out = new StringBuilder();
      out.append("/* ").append(GeneratedBy.COMMENT).append(" */\n\n");
      // clock_gettime and CLOCK_BOOTTIME, also under a strict -std=c11.
      out.append("#ifndef _GNU_SOURCE\n#define _GNU_SOURCE\n#endif\n\n");
      out.append("#include <jni.h>\n");
      out.append("#include <stdlib.h>\n");
      out.append("#include \"").append(library.headerName()).append("\"\n");
      if (i == 0) {
        out.append('\n');
        writeSemaphores(out, library);
      } else {
        out.append("\n/* Part ").append(i + 1).append(" of ").append(parts.size())
            .append(" of the JNI functions of lib").append(library.library())
            .append(".so; the semaphores are in the first. */\n");
      }
      List<Function> part = parts.get(i);
      if (part.stream().anyMatch(Function::usesStrings)) {
        out.append(STRING_COPY);
      }
      for (Function function : part) {
        out.append('\n');
        if (function.method() == null) {
          writeSemaphoresFunction(out, library, function.binding());
        } else {
          writeFireFunction(out, function.binding(), function.method());
        }
      }
      texts.add(out.toString());
    }
    return texts;
  }

  /** One JNI function: a binding's semaphores function (no method) or a firing method's. */
  private record Function(Binding binding, BindingMethod method) {
    boolean usesStrings() {
      return method != null
          && method.params().stream().anyMatch(p -> p.type() == ArgType.STRING);
    }
  }

  /** The functions of each file, in binding order, at most so many firing functions a file. */
  private static List<List<Function>> partition(LibraryModel library) {
    List<List<Function>> parts = new ArrayList<>();
    List<Function> part = new ArrayList<>();
    parts.add(part);
    int firing = 0;
    for (Binding binding : library.bindings()) {
      part.add(new Function(binding, null));
      for (BindingMethod method : binding.methods()) {
        if (firing == LibraryModel.FUNCTIONS_PER_SOURCE) {
          part = new ArrayList<>();
          parts.add(part);
          firing = 0;
        }
        part.add(new Function(binding, method));
        firing++;
      }
    }
    return parts;
  }

  private static void writeSemaphores(StringBuilder out, LibraryModel library) {
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
        params.add("jint " + name + "_length");
        body.add("  char " + name + "_stack[JUSDT_STACK_STRING];");
        body.add("  char *" + name + "_heap;");
        body.add("  const char *" + name + "_c = jusdt_string(env, " + name + ", " + name + "_length, " + name + "_stack, &" + name + "_heap);");
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
