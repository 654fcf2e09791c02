package dev.jusdt.plugin.manifest;

import java.util.List;

/**
 * The manifest exactly as JSON has it, before validation; Gson fills absent fields with null.
 * Kept apart from {@link ProbeManifest} so that nothing outside this package sees a half-checked
 * manifest.
 */
record ManifestJson(
    Integer format, String library, List<String> sources, List<String> headers,
    List<ProbeJson> probes) {

  /** One element of {@code probes}, as JSON has it. */
  record ProbeJson(
      String provider,
      String name,
      Integer semaphoreIndex,
      List<String> argumentNames,
      List<List<String>> sites,
      List<String> elements,
      List<PhaseJson> phases) {}

  /** One element of {@code phases}, as JSON has it. */
  record PhaseJson(String constant, Long value) {}
}
