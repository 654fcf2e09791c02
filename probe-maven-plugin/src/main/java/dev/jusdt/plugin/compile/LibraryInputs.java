package dev.jusdt.plugin.compile;

import dev.jusdt.plugin.manifest.ProbeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The files one library is compiled from.
 *
 * @param generatedSources the C files of the manifest, which the processor wrote
 * @param handWrittenSources the C files under the hand-written C directory
 * @param includeDirectories the directories of the generated headers, then the hand-written C
 *     directory if it exists, so hand-written C can include the generated header by its name
 * @param stampedFiles every file whose content decides the library: sources and headers, both
 *     generated and hand-written, in a stable order
 */
record LibraryInputs(
    List<Path> generatedSources,
    List<Path> handWrittenSources,
    List<Path> includeDirectories,
    List<Path> stampedFiles) {

  LibraryInputs {
    generatedSources = List.copyOf(generatedSources);
    handWrittenSources = List.copyOf(handWrittenSources);
    includeDirectories = List.copyOf(includeDirectories);
    stampedFiles = List.copyOf(stampedFiles);
  }

  /** The sources of one origin, in the order they are compiled and linked. */
  List<Path> sources(SourceOrigin origin) {
    return origin == SourceOrigin.GENERATED ? generatedSources : handWrittenSources;
  }

  /**
   * Collects a library's inputs.
   *
   * @param manifest the library's manifest
   * @param generatedSourcesDirectory the annotation processor's source output
   * @param nativeSourceDirectory the hand-written C; need not exist
   * @return the inputs
   * @throws MojoFailureException if a file the manifest lists does not exist
   * @throws IOException if the hand-written C cannot be listed
   */
  static LibraryInputs collect(
      ProbeManifest manifest, Path generatedSourcesDirectory, Path nativeSourceDirectory)
      throws MojoFailureException, IOException {
    List<Path> generatedSources = new ArrayList<>();
    List<Path> handWrittenSources = new ArrayList<>();
    Set<Path> includes = new LinkedHashSet<>();
    List<Path> stamped = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    for (String source : manifest.sources()) {
      Path file = generatedSourcesDirectory.resolve(source);
      (Files.isRegularFile(file) ? generatedSources : missing).add(file);
    }
    for (String header : manifest.headers()) {
      Path file = generatedSourcesDirectory.resolve(header);
      if (Files.isRegularFile(file)) {
        includes.add(file.getParent());
        stamped.add(file);
      } else {
        missing.add(file);
      }
    }
    if (!missing.isEmpty()) {
      throw new MojoFailureException(
          "the probe manifest " + manifest.file() + " lists generated C that does not exist: "
              + missing.stream().map(Path::toString).toList()
              + "; recompile so the annotation processor writes it again (mvn clean compile),"
              + " and check that 'generatedSourcesDirectory' (-Dusdt.generatedSourcesDirectory)"
              + " is the processor's source output");
    }
    stamped.addAll(generatedSources);
    if (Files.isDirectory(nativeSourceDirectory)) {
      includes.add(nativeSourceDirectory);
      List<Path> handWritten;
      try (Stream<Path> files = Files.walk(nativeSourceDirectory)) {
        handWritten =
            files
                .filter(Files::isRegularFile)
                .filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".h"))
                .sorted()
                .toList();
      }
      for (Path file : handWritten) {
        if (file.toString().endsWith(".c")) {
          handWrittenSources.add(file);
        }
        stamped.add(file);
      }
    }
    if (generatedSources.isEmpty() && handWrittenSources.isEmpty()) {
      throw new MojoFailureException(
          "the probe manifest " + manifest.file() + " lists no C sources and "
              + nativeSourceDirectory + " has none; there is nothing to build "
              + manifest.libraryFileName() + " from");
    }
    return new LibraryInputs(
        generatedSources, handWrittenSources, new ArrayList<>(includes), stamped);
  }
}
