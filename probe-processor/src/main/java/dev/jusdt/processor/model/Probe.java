package dev.jusdt.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * A probe of the library: one {@code provider:name} with one semaphore, fired from one or more
 * sites.
 *
 * @param provider the provider, as written into the note
 * @param name the probe name, as written into the note (dashes kept)
 * @param macro the C macro stem, e.g. {@code HACONIWA_PROBE_BOOTTIME}
 * @param semaphoreIndex the slot in the library's semaphore array
 * @param argumentNames one name per argument
 * @param sites every firing site, the first one the main one
 * @param elements every declaring element, {@code pkg.Type#member}
 * @param phases the phases of a phase-constant probe, ordered by value; empty for typed probes
 */
public record Probe(
    String provider,
    String name,
    String macro,
    int semaphoreIndex,
    List<String> argumentNames,
    List<Site> sites,
    List<String> elements,
    List<Phase> phases) {

  /** {@code provider:name}, as tracers and messages spell it. */
  public String qualifiedName() {
    return provider + ":" + name;
  }

  /**
   * What a phase-constant probe carries after the phase.
   *
   * @return the layout, or empty for a typed probe
   */
  public Optional<PhaseLayout> phaseLayout() {
    if (phases.isEmpty()) {
      return Optional.empty();
    }
    for (PhaseLayout layout : PhaseLayout.values()) {
      if (layout.argumentNames().equals(argumentNames)) {
        return Optional.of(layout);
      }
    }
    return Optional.empty();
  }
}
