package dev.jusdt.plugin.verify;

import dev.jusdt.elf.ElfFormatException;
import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.plugin.layout.NativeLayout;
import dev.jusdt.plugin.layout.Platform;
import dev.jusdt.plugin.manifest.ManifestReader;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The work of {@code probe:verify}: every library's notes against its manifest, all mismatches
 * of all libraries reported in one failure.
 */
final class ElfNoteVerifier {

  private final VerifySettings settings;
  private final Log log;

  /**
   * @param settings the goal's configuration
   * @param log where progress goes
   */
  ElfNoteVerifier(VerifySettings settings, Log log) {
    this.settings = settings;
    this.log = log;
  }

  /**
   * Verifies every library a manifest declares.
   *
   * @throws MojoExecutionException if a manifest is unreadable or the host has no platform
   * @throws MojoFailureException if a library is missing, unreadable or differs from its manifest
   */
  void execute() throws MojoExecutionException, MojoFailureException {
    List<ProbeManifest> manifests = ManifestReader.readAllForGoal(settings.manifestDirectory());
    if (manifests.isEmpty()) {
      log.info("No probe manifest in " + settings.manifestDirectory() + "; nothing to verify");
      return;
    }
    String platform = Platform.require(settings.osName(), settings.osArch());
    List<String> failures = new ArrayList<>();
    for (ProbeManifest manifest : manifests) {
      Path library =
          NativeLayout.packagedLibrary(
              settings.nativeOutputDirectory(), platform, manifest.library());
      verify(manifest, library).ifPresent(failures::add);
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(String.join("\n", failures));
    }
  }

  private Optional<String> verify(ProbeManifest manifest, Path library) {
    if (!Files.isRegularFile(library)) {
      return Optional.of(
          manifest.libraryFileName() + " has not been built: " + library + " does not exist;"
              + " run probe:compile before probe:verify (list both goals in one execution)");
    }
    List<SdtProbe> notes;
    try {
      notes = ElfNoteReader.readProbes(library);
    } catch (ElfFormatException | IOException e) {
      return Optional.of(
          "cannot read the SDT notes of " + library + ": " + e.getMessage());
    }
    List<String> problems = NoteChecks.check(manifest, notes);
    if (!problems.isEmpty()) {
      return Optional.of(
          library + " does not match its probe manifest " + manifest.file() + " ("
              + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  "
              + String.join("\n  ", problems));
    }
    log.info(
        "Verified " + manifest.libraryFileName() + ": " + manifest.probes().size()
            + (manifest.probes().size() == 1 ? " probe" : " probes") + " in " + notes.size()
            + (notes.size() == 1 ? " note entry" : " note entries") + " match "
            + manifest.file().getFileName());
    return Optional.empty();
  }
}
