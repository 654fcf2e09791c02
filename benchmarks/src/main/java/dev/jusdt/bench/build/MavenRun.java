package dev.jusdt.bench.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One timed {@code mvn package} of a sample project, and what it logged. */
record MavenRun(double seconds, String log) {

  /**
   * Runs Maven offline against a local repository and times it.
   *
   * @param mvn the Maven launcher ({@code mvnw} of this repository)
   * @param repository the local repository holding the jusdt artifacts
   * @param project the project directory
   * @throws IllegalStateException if the build fails, with its log
   */
  static MavenRun packageProject(Path mvn, Path repository, Path project)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        mvn.toString(), "-B", "-o", "-Dmaven.repo.local=" + repository,
        "-f", project.resolve("pom.xml").toString(), "package"));
    Path log = Files.createTempFile("jusdt-build", ".log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return new MavenRun(seconds, output);
  }

  /** Whether the plugin ran gcc in this build. */
  boolean ranCompiler() {
    return log.contains("Executing: ");
  }

  /** Whether the plugin said the library was up to date. */
  boolean upToDate() {
    return log.contains(".so is up to date");
  }
}
