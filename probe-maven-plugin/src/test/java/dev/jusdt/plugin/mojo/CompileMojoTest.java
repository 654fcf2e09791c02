package dev.jusdt.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.plugin.compile.CompileMojo;
import dev.jusdt.plugin.testing.NativeToolchain;
import dev.jusdt.plugin.testing.RecordingLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code probe:compile} as Maven configures it, through the plugin descriptor. */
@MojoTest
class CompileMojoTest {

  private MavenProject project;

  @Inject private MavenSession session;

  @Provides
  MavenProject project() throws IOException {
    project = MojoTestProjects.demo();
    return project;
  }

  @BeforeEach
  void javaHome() {
    // The harness's session has no system properties; Maven's has java.home.
    session.getSystemProperties().setProperty("java.home", System.getProperty("java.home"));
  }

  private Path basedir() {
    return project.getBasedir().toPath();
  }

  @Test
  @InjectMojo(goal = "compile")
  void everyDefaultDerivesFromTheProject(CompileMojo mojo) throws Exception {
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "manifestDirectory"))
        .isEqualTo(basedir().resolve("target/classes/META-INF/jusdt").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "generatedSourcesDirectory"))
        .isEqualTo(basedir().resolve("target/generated-sources/annotations").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "nativeSourceDirectory"))
        .isEqualTo(basedir().resolve("src/main/c").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "buildDirectory"))
        .isEqualTo(basedir().resolve("target/jusdt").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "nativeOutputDirectory"))
        .isEqualTo(basedir().resolve("target/classes/META-INF/native").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "jdkHome"))
        .isEqualTo(new File(System.getProperty("java.home")));
    assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "compiler")).isNull();
    assertThat((Boolean) MojoExtension.getVariableValueFromObject(mojo, "skip")).isFalse();
  }

  @Test
  @InjectMojo(goal = "compile")
  @MojoParameter(name = "skip", value = "true")
  void skipLogsAndBuildsNothing(CompileMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.lines()).containsExactly(
        "[info] Skipping probe library compilation (parameter 'skip' is true)");
    assertThat(basedir().resolve("target/jusdt")).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "compile")
  @MojoParameter(name = "compilerArgs", value = "-fno-toplevel-reorder,-DDEMO=1")
  void compilesTheDemoLibraryIntoTheClassOutput(CompileMojo mojo) throws Exception {
    NativeToolchain.requireGccWithSdt();
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(basedir().resolve("target/classes/META-INF/native/linux-x86_64/libdemo.so"))
        .isRegularFile();
    assertThat(log.at("info")).first().asString()
        .startsWith("Executing: ")
        .endsWith(" -fno-toplevel-reorder -DDEMO=1");
    assertThat((List<?>) MojoExtension.getVariableValueFromObject(mojo, "compilerArgs"))
        .hasSize(2);
  }
}
