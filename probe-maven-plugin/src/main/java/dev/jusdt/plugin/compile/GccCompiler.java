package dev.jusdt.plugin.compile;

import dev.jusdt.plugin.layout.NativeLayout;
import dev.jusdt.plugin.layout.Platform;
import dev.jusdt.plugin.manifest.ManifestReader;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** The work of {@code probe:compile}: one gcc run per manifest, skipped when nothing changed. */
final class GccCompiler {

  private final CompileSettings settings;
  private final Log log;

  /**
   * @param settings the goal's configuration
   * @param log where progress goes
   */
  GccCompiler(CompileSettings settings, Log log) {
    this.settings = settings;
    this.log = log;
  }

  /**
   * Builds and packages every library a manifest declares.
   *
   * @throws MojoExecutionException if the host, the compiler or the JDK cannot build libraries,
   *     a manifest is unreadable, or a file operation fails
   * @throws MojoFailureException if the inputs are missing or the compiler rejects them
   */
  void execute() throws MojoExecutionException, MojoFailureException {
    List<ProbeManifest> manifests = ManifestReader.readAllForGoal(settings.manifestDirectory());
    if (manifests.isEmpty()) {
      log.info("No probe manifest in " + settings.manifestDirectory() + "; nothing to compile");
      return;
    }
    // Checked only now: a module without probes builds on any host.
    String platform = Platform.require(settings.osName(), settings.osArch());
    NativeLayout layout =
        new NativeLayout(
            settings.buildDirectory(), settings.nativeOutputDirectory(), platform);
    CompilerCommand compiler =
        new CompilerLocator(settings.environment()).locate(settings.compiler());
    List<Path> jdkIncludes = JdkIncludes.of(settings.jdkHome());
    for (ProbeManifest manifest : manifests) {
      try {
        compile(manifest, layout, compiler, jdkIncludes);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "building " + manifest.libraryFileName() + " failed: " + e, e);
      }
    }
  }

  private void compile(
      ProbeManifest manifest, NativeLayout layout, CompilerCommand compiler,
      List<Path> jdkIncludes)
      throws IOException, MojoFailureException, MojoExecutionException {
    String library = manifest.library();
    LibraryInputs inputs =
        LibraryInputs.collect(
            manifest, settings.generatedSourcesDirectory(), settings.nativeSourceDirectory());
    Path built = layout.builtLibrary(library);
    Path stamp = layout.stamp(library);
    List<String> command =
        GccCommandLine.build(compiler, jdkIncludes, inputs, built, settings.compilerArguments());
    String digest = BuildStamp.digest(command, inputs.stampedFiles());
    if (Files.isRegularFile(built) && BuildStamp.matches(stamp, digest)) {
      log.info(manifest.libraryFileName() + " is up to date");
    } else {
      // Gone before gcc runs: a failed run may leave a broken library behind, and an old stamp
      // must never vouch for it should the inputs be put back as they were.
      Files.deleteIfExists(stamp);
      Files.createDirectories(built.getParent());
      run(manifest, command, built.getParent());
      BuildStamp.write(stamp, digest);
    }
    Path packaged = layout.packagedLibrary(library);
    Path record = layout.packagedRecord(library);
    if (LibraryCopier.differs(built, packaged)) {
      // Gone first: if the build stops half-way, no record describes another library than the
      // one beside it (the runtime then hashes the library itself).
      Files.deleteIfExists(record);
      LibraryCopier.copy(built, packaged);
      log.info("Copied " + manifest.libraryFileName() + " to " + packaged);
    }
    LibraryRecord.writeIfDifferent(packaged, record);
  }

  private void run(ProbeManifest manifest, List<String> command, Path workingDirectory)
      throws IOException, MojoFailureException, MojoExecutionException {
    log.info("Executing: " + CommandLines.join(command));
    CompilerProcess.Result result;
    try {
      result = CompilerProcess.run(command, workingDirectory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while compiling "
          + manifest.libraryFileName(), e);
    }
    if (result.exitCode() != 0) {
      throw new MojoFailureException(
          CompileFailure.message(
              manifest.libraryFileName(), command, result.exitCode(), result.output()));
    }
    // Warnings do not fail the build, but -Wall -Wextra output is worth seeing.
    result.output().lines().filter(line -> !line.isBlank()).forEach(log::warn);
  }
}
