package dev.jusdt.plugin.verify;

import dev.jusdt.elf.SdtArgument;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.plugin.manifest.ArgumentType;
import dev.jusdt.plugin.manifest.ManifestProbe;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a manifest with the notes of its library; pure, so every message is testable with
 * hand-made notes.
 */
final class NoteChecks {

  private NoteChecks() {}

  /**
   * Every way the notes differ from the manifest.
   *
   * @param manifest the declaration
   * @param notes the library's note entries
   * @return one line per mismatch, empty if the library matches; probes in manifest order
   */
  static List<String> check(ProbeManifest manifest, List<SdtProbe> notes) {
    List<String> problems = new ArrayList<>();
    // A probe's one semaphore, for probes whose entries agree on a non-zero one; a list, not a
    // map keyed by the probes, whose record hashCode walks every list they hold.
    List<Map.Entry<ManifestProbe, Long>> semaphores = new ArrayList<>();
    // Grouped once: looking each probe up in all notes was quadratic in the probes.
    Map<String, List<SdtProbe>> byName = new HashMap<>();
    for (SdtProbe note : notes) {
      byName.computeIfAbsent(qualifiedName(note), q -> new ArrayList<>()).add(note);
    }
    for (ManifestProbe probe : manifest.probes()) {
      List<SdtProbe> entries = byName.getOrDefault(probe.qualifiedName(), List.of());
      String subject = probe.qualifiedName() + " (declared at " + probe.declaredAt() + ")";
      if (entries.isEmpty()) {
        problems.add(
            subject + ": no note entry in the library; it was not built from this declaration's"
                + " C (run probe:compile after the annotation processor)");
        continue;
      }
      for (SdtProbe entry : entries) {
        if (probe.sites().stream().noneMatch(site -> matches(site, entry.arguments()))) {
          problems.add(
              subject + ": note entry at " + hex(entry.location()) + " has "
                  + describeArguments(entry) + " but " + describeSites(probe.sites()));
        }
      }
      List<SdtProbe> unsemaphored = entries.stream().filter(e -> !e.hasSemaphore()).toList();
      for (SdtProbe entry : unsemaphored) {
        problems.add(
            subject + ": note entry at " + hex(entry.location()) + " has no semaphore; the Java"
                + " side fires only while a tracer raises semaphore " + probe.semaphoreIndex()
                + ", so this probe could never fire (build the C with _SDT_HAS_SEMAPHORES)");
      }
      Set<Long> distinct =
          entries.stream()
              .filter(SdtProbe::hasSemaphore)
              .map(SdtProbe::semaphore)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      if (distinct.size() > 1) {
        problems.add(
            subject + ": note entries disagree on the semaphore: "
                + entries.stream()
                    .filter(SdtProbe::hasSemaphore)
                    .map(e -> hex(e.semaphore()) + " (entry at " + hex(e.location()) + ")")
                    .collect(Collectors.joining(", "))
                + "; a tracer would enable only some of the probe's sites");
      } else if (distinct.size() == 1 && unsemaphored.isEmpty()) {
        semaphores.add(Map.entry(probe, distinct.iterator().next()));
      }
    }
    int beforeShared = problems.size();
    checkSharedSemaphores(semaphores, problems);
    // Slots mean nothing while two probes share one; that message already says what is wrong.
    if (problems.size() == beforeShared) {
      checkSemaphoreSlots(semaphores, problems);
    }
    checkUndeclared(manifest, notes, problems);
    return problems;
  }

  private static boolean matches(List<ArgumentType> site, List<SdtArgument> arguments) {
    if (site.size() != arguments.size()) {
      return false;
    }
    for (int i = 0; i < site.size(); i++) {
      ArgumentType type = site.get(i);
      SdtArgument argument = arguments.get(i);
      if (argument.size() != type.noteSize() || argument.signed() != type.signed()) {
        return false;
      }
    }
    return true;
  }

  private static void checkSharedSemaphores(
      List<Map.Entry<ManifestProbe, Long>> semaphores, List<String> problems) {
    Map<Long, List<ManifestProbe>> bySemaphore = new LinkedHashMap<>();
    for (Map.Entry<ManifestProbe, Long> entry : semaphores) {
      bySemaphore.computeIfAbsent(entry.getValue(), s -> new ArrayList<>()).add(entry.getKey());
    }
    bySemaphore.forEach(
        (semaphore, probes) -> {
          if (probes.size() > 1) {
            problems.add(
                probes.stream().map(ManifestProbe::qualifiedName).collect(
                        Collectors.joining(" and "))
                    + " share the semaphore at " + hex(semaphore)
                    + "; attaching a tracer to one would make the others fire too");
          }
        });
  }

  /**
   * The Java side reads a probe's semaphore as slot {@code semaphoreIndex} of one {@code
   * unsigned short} array, so the notes' semaphores must lie at {@code array + 2 * index}. The
   * array's start is the one most probes agree on, so that one misplaced probe is blamed rather
   * than all the others.
   */
  private static void checkSemaphoreSlots(
      List<Map.Entry<ManifestProbe, Long>> semaphores, List<String> problems) {
    Map<Long, Integer> votes = new HashMap<>();
    for (Map.Entry<ManifestProbe, Long> entry : semaphores) {
      votes.merge(entry.getValue() - 2L * entry.getKey().semaphoreIndex(), 1, Integer::sum);
    }
    long array = 0;
    int best = 0;
    for (Map.Entry<ManifestProbe, Long> entry : semaphores) {
      long start = entry.getValue() - 2L * entry.getKey().semaphoreIndex();
      if (votes.get(start) > best) {
        best = votes.get(start);
        array = start;
      }
    }
    for (Map.Entry<ManifestProbe, Long> entry : semaphores) {
      ManifestProbe probe = entry.getKey();
      long expected = array + 2L * probe.semaphoreIndex();
      if (entry.getValue() != expected) {
        problems.add(
            probe.qualifiedName() + " (declared at " + probe.declaredAt() + "): semaphore at "
                + hex(entry.getValue()) + ", but semaphoreIndex " + probe.semaphoreIndex()
                + " is the slot at " + hex(expected) + " of the semaphore array at " + hex(array)
                + "; the Java side would read another probe's semaphore");
      }
    }
  }

  private static void checkUndeclared(
      ProbeManifest manifest, List<SdtProbe> notes, List<String> problems) {
    Set<String> providers = manifest.providers();
    Set<String> declared =
        manifest.probes().stream().map(ManifestProbe::qualifiedName).collect(Collectors.toSet());
    Map<String, List<SdtProbe>> undeclared = new LinkedHashMap<>();
    for (SdtProbe note : notes) {
      String qualified = qualifiedName(note);
      // Notes of other providers may come from a linked library and are none of our business.
      if (providers.contains(note.provider()) && !declared.contains(qualified)) {
        undeclared.computeIfAbsent(qualified, q -> new ArrayList<>()).add(note);
      }
    }
    undeclared.forEach(
        (qualified, entries) ->
            problems.add(
                qualified + ": note "
                    + (entries.size() == 1 ? "entry at " : "entries at ")
                    + entries.stream().map(e -> hex(e.location())).collect(
                        Collectors.joining(", "))
                    + " under provider " + entries.get(0).provider()
                    + " is not declared in the manifest; declare it with @UsdtProbe or remove"
                    + " it from the hand-written C"));
  }

  private static String describeArguments(SdtProbe entry) {
    return entry.arguments().isEmpty()
        ? "no arguments"
        : "arguments \"" + entry.argumentText() + "\"";
  }

  private static String describeSites(List<List<ArgumentType>> sites) {
    if (sites.isEmpty()) {
      return "the declaration has no firing site";
    }
    if (sites.size() == 1) {
      return "the declaration has " + ManifestProbe.describeSite(sites.get(0));
    }
    return "none of the declaration's sites matches: "
        + sites.stream().map(ManifestProbe::describeSite).collect(Collectors.joining(" or "));
  }

  private static String qualifiedName(SdtProbe note) {
    return note.provider() + ":" + note.name();
  }

  static String hex(long address) {
    return "0x" + Long.toHexString(address);
  }
}
