package dev.jusdt.plugin.manifest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One probe a manifest declares.
 *
 * @param provider the note's provider, byte for byte
 * @param name the note's probe name, byte for byte; may contain dashes
 * @param semaphoreIndex the probe's slot in the library's {@code unsigned short} semaphore array
 * @param argumentNames one name per argument, for listings
 * @param sites the argument types of each generated firing site
 * @param elements the annotated source elements, {@code pkg.Type#member}
 * @param phases for a phase-constant probe, its constants; empty otherwise
 */
public record ManifestProbe(
    String provider,
    String name,
    int semaphoreIndex,
    List<String> argumentNames,
    List<List<ArgumentType>> sites,
    List<String> elements,
    List<PhaseConstant> phases) {

  /**
   * Copies every list, so a manifest read once can be shared.
   *
   * @param provider the note's provider
   * @param name the note's probe name
   * @param semaphoreIndex the probe's semaphore slot
   * @param argumentNames one name per argument
   * @param sites the argument types of each firing site
   * @param elements the annotated source elements
   * @param phases the phase constants, if any
   */
  public ManifestProbe {
    argumentNames = List.copyOf(argumentNames);
    sites = sites.stream().map(List::copyOf).toList();
    elements = List.copyOf(elements);
    phases = List.copyOf(phases);
  }

  /**
   * The probe as tracers name it.
   *
   * @return {@code provider:name}, e.g. {@code haconiwa:probe-boottime}
   */
  public String qualifiedName() {
    return provider + ":" + name;
  }

  /**
   * Where the probe is declared, for messages.
   *
   * @return the elements joined by {@code ", "}, or {@code "an unknown element"} if there are none
   */
  public String declaredAt() {
    return elements.isEmpty() ? "an unknown element" : String.join(", ", elements);
  }

  /**
   * Formats one site's types with the note prefixes they must produce.
   *
   * @param site one of {@link #sites()}
   * @return e.g. {@code (long, long, long) = -8 -8 -8}, or {@code () = no arguments}
   */
  public static String describeSite(List<ArgumentType> site) {
    String types =
        site.stream().map(ArgumentType::manifestName).collect(Collectors.joining(", ", "(", ")"));
    String notes =
        site.isEmpty()
            ? "no arguments"
            : site.stream().map(ArgumentType::noteFormat).collect(Collectors.joining(" "));
    return types + " = " + notes;
  }
}
