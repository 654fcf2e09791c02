package dev.jusdt.processor.writer;

import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Param;
import dev.jusdt.processor.model.Phase;
import dev.jusdt.processor.model.Probe;
import dev.jusdt.processor.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the C header through which both the generated JNI functions and hand-written C (such as
 * the child side of a container fork) fire the library's probes, so every site of a probe shares
 * one name, one argument layout and one semaphore.
 */
public final class CHeaderWriter {

  /** The macros shared by every jusdt header; guarded so two libraries' headers can meet. */
  private static final String COMMON =
      """
      #ifndef JUSDT_SDT_COMMON
      #define JUSDT_SDT_COMMON

      #include <stdint.h>
      #include <time.h>
      #define _SDT_HAS_SEMAPHORES 1
      #include <sys/sdt.h>

      #ifndef _SDT_SEMAPHORE
      #error "this <sys/sdt.h> has no _SDT_SEMAPHORE; jusdt needs the one of systemtap-sdt-dev 3.0 or later"
      #endif

      /*
       * <sys/sdt.h> names a probe's semaphore by pasting provider##_##name##_semaphore, which a
       * dashed probe name such as probe-boottime cannot form. The note only needs the semaphore's
       * address, so it gets the quoted assembler symbol "jusdt.semaphore.PROVIDER.NAME", which the
       * generated C source defines as an alias of the probe's slot in the semaphore array.
       */
      #define JUSDT_STR_(x) #x
      #define JUSDT_STR(x) JUSDT_STR_(x)
      #undef _SDT_SEMAPHORE
      #define _SDT_SEMAPHORE(p, n) "\\t" JUSDT_STR(_SDT_ASM_ADDR) " \\"jusdt.semaphore." #p "." #n "\\"\\n"
      #undef _SDT_NOTE_SEMAPHORE_USE
      #define _SDT_NOTE_SEMAPHORE_USE(p, n)

      /* clang -Wpedantic flags the empty variadic arguments that sdt.h passes internally. */
      #if defined(__clang__)
      #define JUSDT_PUSH _Pragma("clang diagnostic push") _Pragma("clang diagnostic ignored \\"-Wgnu-zero-variadic-macro-arguments\\"")
      #define JUSDT_POP _Pragma("clang diagnostic pop")
      #else
      #define JUSDT_PUSH
      #define JUSDT_POP
      #endif

      /* Strict -std=c11 hides it; the value is Linux's. */
      #ifndef CLOCK_BOOTTIME
      #define CLOCK_BOOTTIME 7
      #endif

      #endif /* JUSDT_SDT_COMMON */
      """;

  /**
   * Writes the header.
   *
   * @param library the library
   * @return the header's text
   */
  public String write(LibraryModel library) {
    StringBuilder out = new StringBuilder();
    String guard = "JUSDT_" + library.cName().toUpperCase(Locale.ROOT) + "_PROBES_H";
    out.append("/* ").append(GeneratedBy.COMMENT).append(" */\n\n");
    out.append("/*\n");
    out.append(" * The probes of lib").append(library.library()).append(".so, for C compiled into that library:\n");
    out.append(" *\n");
    out.append(" *   #include \"").append(library.headerName()).append("\"\n");
    out.append(" *   if (PROVIDER_PROBE_ENABLED()) { ...build costly arguments...; PROVIDER_PROBE(...); }\n");
    out.append(" *\n");
    out.append(" * Include it instead of <sys/sdt.h>: it changes how sdt.h names semaphores. The _NOW\n");
    out.append(" * macros call clock_gettime, which needs _GNU_SOURCE or _POSIX_C_SOURCE >= 199309L.\n");
    out.append(" */\n");
    out.append("#ifndef ").append(guard).append('\n');
    out.append("#define ").append(guard).append("\n\n");
    out.append(COMMON).append('\n');
    out.append("extern volatile unsigned short ")
        .append(library.semaphoreArray())
        .append('[')
        .append(Math.max(1, library.probes().size()))
        .append("] __attribute__((visibility(\"hidden\")));\n");
    for (Probe probe : library.probes()) {
      out.append('\n');
      writeProbe(out, library, probe);
    }
    out.append("\n#endif /* ").append(guard).append(" */\n");
    return out.toString();
  }

  private static void writeProbe(StringBuilder out, LibraryModel library, Probe probe) {
    out.append("/* ").append(probe.qualifiedName()).append('(').append(String.join(", ", probe.argumentNames())).append(")\n");
    for (String element : probe.elements()) {
      out.append(" *   declared at ").append(element).append('\n');
    }
    out.append(" */\n");
    out.append("#define ")
        .append(probe.macro())
        .append("_ENABLED() __builtin_expect(")
        .append(library.semaphoreArray())
        .append('[')
        .append(probe.semaphoreIndex())
        .append("] != 0, 0)\n");
    for (Site site : probe.sites()) {
      writeSite(out, probe, site);
    }
    if (probe.sites().get(0).params().size() == 3 && !probe.phases().isEmpty()) {
      writeNow(out, probe);
    }
    for (Phase phase : probe.phases()) {
      out.append("#define ")
          .append(Names.constantMacro(probe.provider(), phase.constant()))
          .append(' ')
          .append(cLiteral(phase.value()))
          .append('\n');
    }
  }

  /** A C constant expression of the value, safe wherever the macro is expanded. */
  private static String cLiteral(long value) {
    if (value == Long.MIN_VALUE) {
      // 9223372036854775808 fits no signed C type, so -9223372036854775808LL is not this value.
      return "(-9223372036854775807LL - 1)";
    }
    String digits = value + (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? "LL" : "");
    return value < 0 ? "(" + digits + ")" : digits;
  }

  private static void writeSite(StringBuilder out, Probe probe, Site site) {
    List<String> params = new ArrayList<>();
    List<String> casts = new ArrayList<>();
    for (int i = 0; i < site.params().size(); i++) {
      Param param = site.params().get(i);
      // A parameter named like a provider or probe-name token would replace it in the note
      // (provider arg0 would become the caller's expression); JUSDT_ tokens are never names.
      params.add("JUSDT_ARG" + i);
      casts.add("(" + param.type().cType() + ")(JUSDT_ARG" + i + ")");
    }
    int count = params.size();
    out.append("#define ").append(site.macro()).append('(').append(String.join(", ", params)).append(") \\\n");
    out.append("  JUSDT_PUSH ")
        .append(count == 0 ? "DTRACE_PROBE" : "DTRACE_PROBE" + count)
        .append('(')
        .append(probe.provider())
        .append(", ")
        .append(probe.name());
    for (String cast : casts) {
      out.append(", ").append(cast);
    }
    out.append(") JUSDT_POP\n");
  }

  private static void writeNow(StringBuilder out, Probe probe) {
    String macro = probe.macro();
    out.append("/* Fires ").append(macro).append(" with the CLOCK_BOOTTIME time, read only while a tracer is attached. */\n");
    out.append("#define ").append(macro).append("_NOW(phase) \\\n");
    out.append("  do { \\\n");
    out.append("    if (").append(macro).append("_ENABLED()) { \\\n");
    out.append("      struct timespec jusdt_now_; \\\n");
    out.append("      (void)clock_gettime(CLOCK_BOOTTIME, &jusdt_now_); \\\n");
    out.append("      ").append(macro).append("(phase, jusdt_now_.tv_sec, jusdt_now_.tv_nsec); \\\n");
    out.append("    } \\\n");
    out.append("  } while (0)\n");
  }
}
