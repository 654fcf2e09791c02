package dev.jusdt.processor.writer;

import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Names;
import dev.jusdt.processor.model.Phase;
import dev.jusdt.processor.model.PhaseLayout;
import dev.jusdt.processor.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a bpftrace script per provider that prints every firing of its probes, phase constants by
 * name, and for {@code (phase, tv_sec, tv_nsec)} probes the time since the previous phase of the
 * same process. The library's path is the script's first positional parameter, so one script
 * serves every extraction of the library.
 */
public final class BpftraceScriptWriter {

  /**
   * bpftrace 0.17 (Debian 12) rejects {@code arg6} and above of a USDT probe on x86-64 ("x86_64
   * doesn't support arg6"), although the note describes them; later arguments print as {@code ?}.
   * Newer bpftrace lifted the limit (bpftrace#4118, 2025).
   */
  static final int READABLE_ARGUMENTS = 6;

  private static final String LAST_NS = "@last_phase_ns";
  private static final String LAST_NAME = "@last_phase";

  /**
   * Writes the script of one provider.
   *
   * @param library the library
   * @param provider one of {@link LibraryModel#providers()}
   * @return the script's text
   */
  public String write(LibraryModel library, String provider) {
    List<Probe> probes = library.probes(provider);
    boolean timed = probes.stream().anyMatch(BpftraceScriptWriter::isBoottime);
    String file = "lib" + library.library() + ".so";
    StringBuilder out = new StringBuilder();
    out.append("#!/usr/bin/env bpftrace\n");
    out.append("/*\n");
    out.append(" * ").append(GeneratedBy.COMMENT).append("\n");
    out.append(" *\n");
    out.append(" * Prints every firing of the USDT probes of provider ").append(provider);
    out.append(" in ").append(file);
    if (probes.stream().anyMatch(p -> !p.phases().isEmpty())) {
      out.append(",\n * phase constants by name");
    }
    out.append(timed ? "; after a (phase, tv_sec, tv_nsec) firing, the time since the previous\n"
        + " * such phase of the same process.\n" : ".\n");
    out.append(" *\n");
    out.append(" *   bpftrace ").append(provider).append(".bt LIBRARY");
    out.append("            every process that loads the library, from now on\n");
    out.append(" *   bpftrace -p PID ").append(provider).append(".bt LIBRARY");
    out.append("     one running process\n");
    out.append(" *\n");
    out.append(" * LIBRARY is the path of the extracted ").append(file).append(", which this prints:\n");
    out.append(" *   java -cp <the program's class path> dev.jusdt.runtime.ProbeLibraries ");
    out.append(library.library()).append("\n");
    out.append(" *\n");
    out.append(" * bpftrace cuts strings to 63 bytes (BPFTRACE_STRLEN=200 raises the limit to 199), and\n");
    out.append(" * bpftrace 0.17 (Debian 12) reads only the first ").append(READABLE_ARGUMENTS);
    out.append(" arguments of a USDT probe: the\n");
    out.append(" * others print as ?. ").append(provider).append("_trace.py (bcc) reads all of them.\n");
    out.append(" */\n\n");
    writeBegin(out, library, provider, probes);
    for (Probe probe : probes) {
      out.append('\n');
      writeProbe(out, probe);
    }
    writeEnd(out, probes, timed);
    return out.toString();
  }

  private static void writeBegin(
      StringBuilder out, LibraryModel library, String provider, List<Probe> probes) {
    out.append("BEGIN\n{\n");
    for (Probe probe : probes) {
      for (Phase phase : probe.phases()) {
        out.append("  ")
            .append(phaseMap(probe))
            .append('[')
            .append(phase.value())
            .append("] = \"")
            .append(phase.constant())
            .append("\";\n");
      }
    }
    out.append("  printf(\"Tracing the ")
        .append(provider)
        .append(" probes of lib")
        .append(library.library())
        .append(".so. Hit Ctrl-C to end.\\n\");\n");
    out.append("}\n");
  }

  private static void writeEnd(StringBuilder out, List<Probe> probes, boolean timed) {
    List<String> maps = new ArrayList<>();
    for (Probe probe : probes) {
      if (!probe.phases().isEmpty()) {
        maps.add(phaseMap(probe));
      }
    }
    if (timed) {
      maps.add(LAST_NS);
      maps.add(LAST_NAME);
    }
    if (maps.isEmpty()) {
      return;
    }
    out.append("\n/* Without this, bpftrace would print every map on exit. */\n");
    out.append("END\n{\n");
    for (String map : maps) {
      out.append("  clear(").append(map).append(");\n");
    }
    out.append("}\n");
  }

  private static void writeProbe(StringBuilder out, Probe probe) {
    List<ArgumentKind> kinds = ArgumentKind.of(probe);
    List<String> names = probe.argumentNames();
    out.append("/* ").append(probe.qualifiedName()).append('(').append(String.join(", ", names)).append(')');
    if (isBoottime(probe)) {
      out.append(", tv_* from CLOCK_BOOTTIME");
    }
    if (kinds.contains(ArgumentKind.EITHER)) {
      out.append(";\n * a value is a number at some sites and a string at others, which bpftrace cannot\n"
          + " * tell apart: it prints both readings, number|\"string\" (the string is empty, or\n"
          + " * garbage, where a number was passed; the number is the string's address otherwise)");
    }
    out.append(" */\n");
    out.append("usdt:$1:").append(probe.provider()).append(':').append(probe.name()).append("\n{\n");
    StringBuilder format = new StringBuilder("%-20s pid=%-7d");
    List<String> values = new ArrayList<>(List.of(quote(probe.name()), "pid"));
    int first = 0;
    if (!probe.phases().isEmpty()) {
      format.append(" phase=%s(%ld)");
      values.add(phaseMap(probe) + "[arg0]");
      values.add("(int64)arg0");
      first = 1;
    }
    if (isBoottime(probe)) {
      format.append(" sec=%ld nsec=%09ld");
      values.add("(int64)arg1");
      values.add("(int64)arg2");
      writeBoottime(out, probe, format, values);
      return;
    }
    for (int i = first; i < names.size(); i++) {
      format.append(' ').append(names.get(i)).append('=');
      if (i >= READABLE_ARGUMENTS) {
        format.append('?');
        continue;
      }
      switch (kinds.get(i)) {
        case NUMBER -> {
          format.append("%ld");
          values.add("(int64)arg" + i);
        }
        case STRING -> {
          format.append("\\\"%s\\\"");
          values.add("str(arg" + i + ")");
        }
        case EITHER -> {
          format.append("%ld|\\\"%s\\\"");
          values.add("(int64)arg" + i);
          values.add("str(arg" + i + ")");
        }
      }
    }
    out.append("  printf(\"").append(format).append("\\n\", ").append(String.join(", ", values)).append(");\n");
    out.append("}\n");
  }

  private static void writeBoottime(
      StringBuilder out, Probe probe, StringBuilder format, List<String> values) {
    out.append("  $ns = (int64)arg1 * 1000000000 + (int64)arg2;\n");
    out.append("  printf(\"").append(format).append("\", ").append(String.join(", ", values)).append(");\n");
    out.append("  if (").append(LAST_NS).append("[pid] == 0) {\n");
    out.append("    printf(\" first phase of this process\\n\");\n");
    out.append("  } else {\n");
    out.append("    $d = $ns - ").append(LAST_NS).append("[pid];\n");
    out.append("    $u = (uint64)($d < 0 ? -$d : $d);\n");
    out.append("    printf(\" %s%lu.%06lu ms since %s\\n\", $d < 0 ? \"-\" : \"+\", $u / 1000000, $u % 1000000,\n");
    out.append("        ").append(LAST_NAME).append("[pid]);\n");
    out.append("  }\n");
    out.append("  ").append(LAST_NS).append("[pid] = $ns;\n");
    out.append("  ").append(LAST_NAME).append("[pid] = ").append(phaseMap(probe)).append("[arg0];\n");
    out.append("}\n");
  }

  private static boolean isBoottime(Probe probe) {
    Optional<PhaseLayout> layout = probe.phaseLayout();
    return layout.isPresent() && layout.get() == PhaseLayout.PHASE_BOOTTIME;
  }

  /** The map from phase value to constant name; one per probe, filled in BEGIN. */
  private static String phaseMap(Probe probe) {
    return "@phases_" + Names.cIdentifier(probe.name());
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
