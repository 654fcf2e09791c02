package dev.jusdt.plugin.mojo;

import dev.jusdt.plugin.testing.DemoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;

/** A Maven project over a {@link DemoProject}, for the harness to evaluate the defaults in. */
final class MojoTestProjects {

  private MojoTestProjects() {}

  /**
   * A project in a fresh directory under {@code target/mojo-tests}, laid out as Maven lays one
   * out: {@code target}, {@code target/classes}.
   *
   * @return the project; its base directory holds the demo files
   * @throws IOException if the files cannot be written
   */
  static MavenProject demo() throws IOException {
    Path root = Files.createDirectories(Path.of("target", "mojo-tests").toAbsolutePath());
    Path basedir = Files.createTempDirectory(root, "project");
    DemoProject.create(basedir);
    MavenProject project = new MavenProject();
    project.setGroupId("dev.demo");
    project.setArtifactId("demo");
    project.setVersion("1");
    // Maven derives the base directory from the POM's location.
    project.setFile(basedir.resolve("pom.xml").toFile());
    Build build = new Build();
    build.setDirectory(basedir.resolve("target").toString());
    build.setOutputDirectory(basedir.resolve("target/classes").toString());
    project.setBuild(build);
    return project;
  }
}
