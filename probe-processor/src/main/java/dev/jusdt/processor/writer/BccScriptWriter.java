package dev.jusdt.processor.writer;

import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Phase;
import dev.jusdt.processor.model.PhaseLayout;
import dev.jusdt.processor.model.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a bcc (Python) script per provider, the equivalent of the source document's {@code
 * trace_usdt.py}: by library path or {@code -p PID}, through a perf buffer, printing {@code TIME(s)
 * COMM PID VALUE} with phase constants by name. The program is a fixed template; only the table of
 * the provider's probes is generated.
 */
public final class BccScriptWriter {

  private static final String TEMPLATE = "bcc_trace.py.in";

  private static final Map<PhaseLayout, String> LAYOUTS =
      Map.of(
          PhaseLayout.PHASE_ONLY, "\"phase\"",
          PhaseLayout.PHASE_VALUE, "\"value\"",
          PhaseLayout.PHASE_BOOTTIME, "\"boottime\"");

  private final String template;

  /** Creates a writer, reading the script's template from this class's resources. */
  public BccScriptWriter() {
    try (InputStream in = BccScriptWriter.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("probe-processor's jar lacks its resource " + TEMPLATE);
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the script of one provider.
   *
   * @param library the library
   * @param provider one of {@link LibraryModel#providers()}
   * @return the script's text
   */
  public String write(LibraryModel library, String provider) {
    List<String> entries = new ArrayList<>();
    for (Probe probe : library.probes(provider)) {
      entries.add(entry(probe));
    }
    return template
        .replace("@GENERATED@", GeneratedBy.COMMENT)
        .replace("@PROVIDER@", provider)
        .replace("@LIBRARY@", library.library())
        .replace("@PROBES@", String.join("\n", entries));
  }

  private static String entry(Probe probe) {
    List<String> names = probe.argumentNames().stream().map(BccScriptWriter::quote).toList();
    List<String> kinds =
        ArgumentKind.of(probe).stream()
            .map(
                kind ->
                    switch (kind) {
                      case NUMBER -> "\"n\"";
                      case STRING -> "\"s\"";
                      case EITHER -> "\"n|s\"";
                    })
            .toList();
    StringBuilder out = new StringBuilder();
    out.append("    (").append(quote(probe.name())).append(", [").append(String.join(", ", names));
    out.append("], [").append(String.join(", ", kinds)).append("],\n");
    out.append("     ").append(probe.phaseLayout().map(LAYOUTS::get).orElse("None")).append(", {");
    List<String> phases = new ArrayList<>();
    for (Phase phase : probe.phases()) {
      phases.add("\n         " + phase.value() + ": " + quote(phase.constant()));
    }
    out.append(String.join(",", phases)).append(phases.isEmpty() ? "}" : "\n     }").append("),");
    return out.toString();
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
