package dev.jusdt.processor.writer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.LibraryModel;
import dev.jusdt.processor.model.Phase;
import dev.jusdt.processor.model.Probe;
import dev.jusdt.processor.model.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the probe manifest that the Maven plugin and other tools read (docs/MANIFEST.md). */
public final class ManifestWriter {

  /** The manifest format this writer produces. */
  public static final int FORMAT = 1;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /**
   * Writes the manifest.
   *
   * @param library the library
   * @return the manifest's JSON text
   */
  public String write(LibraryModel library) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("library", library.library());
    root.put("sources", library.sourcePaths());
    root.put("headers", List.of(library.headerPath()));
    root.put("scripts", library.scriptPaths());
    List<Object> probes = new ArrayList<>();
    for (Probe probe : library.probes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("provider", probe.provider());
      entry.put("name", probe.name());
      entry.put("semaphoreIndex", probe.semaphoreIndex());
      entry.put("argumentNames", probe.argumentNames());
      List<List<String>> sites = new ArrayList<>();
      for (Site site : probe.sites()) {
        sites.add(site.types().stream().map(ArgType::javaName).toList());
      }
      entry.put("sites", sites);
      entry.put("elements", probe.elements());
      List<Object> phases = new ArrayList<>();
      for (Phase phase : probe.phases()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("constant", phase.constant());
        p.put("value", phase.value());
        phases.add(p);
      }
      entry.put("phases", phases);
      probes.add(entry);
    }
    root.put("probes", probes);
    return GSON.toJson(root) + "\n";
  }
}
