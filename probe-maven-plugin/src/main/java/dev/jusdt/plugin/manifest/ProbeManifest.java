package dev.jusdt.plugin.manifest;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One native library as the annotation processor declared it in {@code
 * META-INF/jusdt/<library>.json}.
 *
 * @param file the manifest file it was read from, for messages
 * @param library the library name: the file is {@code lib<library>.so}
 * @param sources generated C sources, relative to the processor's source output
 * @param headers generated C headers, relative to the processor's source output
 * @param probes the probes, in manifest order
 */
public record ProbeManifest(
    Path file, String library, List<String> sources, List<String> headers,
    List<ManifestProbe> probes) {

  /** The manifest format this plugin reads; a reader rejects any other. */
  public static final int FORMAT = 1;

  /**
   * Copies every list, so a manifest read once can be shared.
   *
   * @param file the manifest file
   * @param library the library name
   * @param sources generated C sources
   * @param headers generated C headers
   * @param probes the probes
   */
  public ProbeManifest {
    sources = List.copyOf(sources);
    headers = List.copyOf(headers);
    probes = List.copyOf(probes);
  }

  /**
   * The library's file name.
   *
   * @return {@code lib<library>.so}
   */
  public String libraryFileName() {
    return "lib" + library + ".so";
  }

  /**
   * The providers the manifest declares probes for, in first-seen order.
   *
   * @return the distinct providers
   */
  public Set<String> providers() {
    Set<String> providers = new LinkedHashSet<>();
    probes.forEach(probe -> providers.add(probe.provider()));
    return providers;
  }
}
