package dev.jusdt.plugin.list;

import dev.jusdt.elf.ElfFormatException;
import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.plugin.layout.NativeLayout;
import dev.jusdt.plugin.layout.Platform;
import dev.jusdt.plugin.manifest.ArgumentType;
import dev.jusdt.plugin.manifest.ManifestProbe;
import dev.jusdt.plugin.manifest.ManifestReader;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The work of {@code probe:list}: for each library, its path and one block per probe with the
 * note's argument formats and the manifest's names, the semaphore, the locations, the tools that
 * can attach and a command for each. A library not built yet is listed from its manifest.
 */
final class ProbeLister {

  private static final String INDENT = "    ";

  private final ListSettings settings;
  private final Consumer<String> out;

  /**
   * @param settings the goal's configuration
   * @param out where each line of the listing goes
   */
  ProbeLister(ListSettings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Prints the listing.
   *
   * @throws MojoExecutionException if a manifest is unreadable
   */
  void execute() throws MojoExecutionException {
    List<ProbeManifest> manifests = ManifestReader.readAllForGoal(settings.manifestDirectory());
    if (manifests.isEmpty()) {
      out.accept("No probe manifest in " + settings.manifestDirectory() + "; nothing to list");
      return;
    }
    Optional<String> platform = Platform.of(settings.osName(), settings.osArch());
    for (ProbeManifest manifest : manifests) {
      if (platform.isEmpty()) {
        out.accept(manifest.libraryFileName() + "  cannot be built on this host: "
            + Platform.unsupported(settings.osName(), settings.osArch()));
        out.accept("  declared in " + manifest.file());
        manifest.probes().forEach(probe -> printDeclared(probe, Optional.empty()));
        continue;
      }
      Path library =
          NativeLayout.packagedLibrary(
              settings.nativeOutputDirectory(), platform.get(), manifest.library());
      list(manifest, library);
    }
  }

  private void list(ProbeManifest manifest, Path library) {
    if (!Files.isRegularFile(library)) {
      out.accept(manifest.libraryFileName() + "  not built yet: " + library + " does not exist"
          + " (mvn process-classes builds it); listing the manifest only");
      out.accept("  declared in " + manifest.file());
      manifest.probes().forEach(probe -> printDeclared(probe, Optional.of(library)));
      return;
    }
    List<SdtProbe> notes;
    try {
      notes = ElfNoteReader.readProbes(library);
    } catch (ElfFormatException | IOException e) {
      out.accept(manifest.libraryFileName() + "  " + library + " has no readable SDT notes ("
          + e.getMessage() + "); listing the manifest only");
      out.accept("  declared in " + manifest.file());
      manifest.probes().forEach(probe -> printDeclared(probe, Optional.of(library)));
      return;
    }
    out.accept(manifest.libraryFileName() + "  " + library);
    out.accept("  declared in " + manifest.file());
    out.accept("  a running JVM loads a copy extracted to a content-addressed path: attach to"
        + " that path instead (grep lib" + manifest.library() + " /proc/PID/maps)");
    Map<String, List<SdtProbe>> byProbe = new LinkedHashMap<>();
    for (SdtProbe note : notes) {
      byProbe.computeIfAbsent(note.provider() + ":" + note.name(), k -> new ArrayList<>())
          .add(note);
    }
    for (ManifestProbe probe : manifest.probes()) {
      List<SdtProbe> entries = byProbe.remove(probe.qualifiedName());
      if (entries == null) {
        out.accept("  " + probe.qualifiedName() + "  (declared, but the library has no note"
            + " entry for it: run probe:verify)");
        printDeclaredBody(probe, Optional.of(library));
      } else {
        printBuilt(probe.qualifiedName(), Optional.of(probe), entries, library);
      }
    }
    byProbe.forEach((name, entries) -> printBuilt(name, Optional.empty(), entries, library));
  }

  private void printBuilt(
      String qualifiedName, Optional<ManifestProbe> declared, List<SdtProbe> entries,
      Path library) {
    SdtProbe first = entries.get(0);
    out.accept("  " + qualifiedName + (declared.isEmpty() ? "  (not in the manifest)" : ""));
    List<String> names = declared.map(ManifestProbe::argumentNames).orElse(List.of());
    Set<String> argumentLines = new LinkedHashSet<>();
    for (SdtProbe entry : entries) {
      argumentLines.add(
          entry.arguments().isEmpty()
              ? "none"
              : IntStream.range(0, entry.arguments().size())
                  .mapToObj(i -> entry.arguments().get(i).format()
                      + (i < names.size() ? " " + names.get(i) : ""))
                  .collect(Collectors.joining(", ")));
    }
    argumentLines.forEach(line -> field("arguments", line));
    Set<Long> semaphores = new LinkedHashSet<>();
    entries.forEach(e -> semaphores.add(e.semaphore()));
    field("semaphore",
        semaphores.stream().map(s -> s == 0 ? "none" : "0x" + Long.toHexString(s))
            .collect(Collectors.joining(", "))
            + declared.map(p -> " (slot " + p.semaphoreIndex() + ")").orElse(""));
    field("locations",
        entries.size() + ": " + entries.stream().map(e -> "0x" + Long.toHexString(e.location()))
            .collect(Collectors.joining(", ")));
    declared.ifPresent(this::printDeclaration);
    field("tools", AttachCommands.tools(first.provider(), first.name()));
    List<ArgumentShape> shapes =
        declared.filter(p -> !p.sites().isEmpty()
                && p.sites().get(0).size() == first.arguments().size())
            .map(p -> p.sites().get(0).stream().map(ArgumentShape::of).toList())
            .orElseGet(() -> first.arguments().stream().map(ArgumentShape::of).toList());
    AttachCommands.commands(library, first.provider(), first.name(), shapes)
        .forEach(command -> out.accept(INDENT + command));
  }

  private void printDeclared(ManifestProbe probe, Optional<Path> library) {
    out.accept("  " + probe.qualifiedName());
    printDeclaredBody(probe, library);
  }

  private void printDeclaredBody(ManifestProbe probe, Optional<Path> library) {
    for (List<ArgumentType> site : probe.sites()) {
      field("arguments", ManifestProbe.describeSite(site)
          + (probe.argumentNames().isEmpty() ? "" : "  " + String.join(", ",
              probe.argumentNames())));
    }
    field("semaphore", "slot " + probe.semaphoreIndex());
    printDeclaration(probe);
    field("tools", AttachCommands.tools(probe.provider(), probe.name()));
    List<ArgumentShape> shapes =
        probe.sites().isEmpty()
            ? List.of()
            : probe.sites().get(0).stream().map(ArgumentShape::of).toList();
    library.ifPresent(path ->
        AttachCommands.commands(path, probe.provider(), probe.name(), shapes)
            .forEach(command -> out.accept(INDENT + command)));
  }

  private void printDeclaration(ManifestProbe probe) {
    field("declared at", probe.declaredAt());
    if (!probe.phases().isEmpty()) {
      field("phases", probe.phases().stream()
          .map(phase -> phase.constant() + "=" + phase.value())
          .collect(Collectors.joining(", ")));
    }
  }

  private void field(String label, String value) {
    out.accept(INDENT + String.format("%-12s", label) + value);
  }
}
