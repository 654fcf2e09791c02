package dev.jusdt.plugin.compile;

import dev.jusdt.plugin.layout.NativeLayout;
import dev.jusdt.plugin.layout.Platform;
import dev.jusdt.plugin.manifest.ManifestReader;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The work of {@code probe:compile}: per manifest, gcc compiles each source to an object, several
 * at once, then links them into the library; skipped when nothing changed.
 */
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
    Path objectDirectory = layout.objectDirectory(library);
    List<Path> objects = new ArrayList<>();
    List<List<String>> compiles = new ArrayList<>();
    // Generated C first, then hand-written: the order of the objects on the link line.
    for (SourceOrigin origin : SourceOrigin.values()) {
      for (Path source : inputs.sources(origin)) {
        // Numbered, so that two sources of one name in different directories never share one.
        Path object = objectDirectory.resolve((objects.size() + 1) + "-" + stem(source) + ".o");
        objects.add(object);
        compiles.add(
            GccCommandLine.compile(
                compiler, origin, jdkIncludes, inputs.includeDirectories(), source, object,
                settings.compilerArguments()));
      }
    }
    List<String> link =
        GccCommandLine.link(compiler, objects, built, settings.compilerArguments());
    String digest = BuildStamp.digest(everyWord(compiles, link), inputs.stampedFiles());
    if (Files.isRegularFile(built) && BuildStamp.matches(stamp, digest)) {
      log.info(manifest.libraryFileName() + " is up to date");
    } else {
      // Gone before gcc runs: a failed run may leave a broken library behind, and an old stamp
      // must never vouch for it should the inputs be put back as they were.
      Files.deleteIfExists(stamp);
      Files.createDirectories(objectDirectory);
      run(manifest, compiles, built.getParent());
      run(manifest, List.of(link), built.getParent());
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

  /**
   * Runs commands side by side, one per core at most: on two cores this roughly halves gcc's
   * part of a build of 1,000 probes, which the processor writes as several sources for this.
   */
  private void run(ProbeManifest manifest, List<List<String>> commands, Path workingDirectory)
      throws IOException, MojoFailureException, MojoExecutionException {
    commands.forEach(command -> log.info("Executing: " + CommandLines.join(command)));
    List<CompilerProcess.Result> results;
    try {
      results =
          ParallelCompiler.run(
              commands, workingDirectory, Runtime.getRuntime().availableProcessors());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while compiling "
          + manifest.libraryFileName(), e);
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      CompilerProcess.Result result = results.get(i);
      if (result.exitCode() != 0) {
        failures.add(
            CompileFailure.message(
                manifest.libraryFileName(), commands.get(i), result.exitCode(), result.output()));
      } else {
        // Warnings do not fail the build, but -Wall -Wextra output is worth seeing.
        result.output().lines().filter(line -> !line.isBlank()).forEach(log::warn);
      }
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(String.join("\n\n", failures));
    }
  }

  private static String stem(Path source) {
    String name = source.getFileName().toString();
    return name.endsWith(".c") ? name.substring(0, name.length() - 2) : name;
  }

  /** The words of every command, each command closed by a word no command line can hold. */
  private static List<String> everyWord(List<List<String>> compiles, List<String> link) {
    List<String> words = new ArrayList<>();
    for (List<String> command : compiles) {
      words.addAll(command);
      words.add("\0");
    }
    words.addAll(link);
    return words;
  }
}
