package dev.jusdt.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jusdt.plugin.compile.CompileMojo;
import dev.jusdt.plugin.testing.DemoProject;
import dev.jusdt.plugin.testing.Manifests;
import dev.jusdt.plugin.testing.NativeToolchain;
import dev.jusdt.plugin.testing.RecordingLog;
import dev.jusdt.plugin.verify.VerifyMojo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code probe:verify} as Maven configures it, after {@code probe:compile} as in a build. */
@MojoTest
class VerifyMojoTest {

  private MavenProject project;

  @Inject private MavenSession session;

  @Provides
  MavenProject project() throws IOException {
    project = MojoTestProjects.demo();
    return project;
  }

  @BeforeEach
  void javaHome() {
    session.getSystemProperties().setProperty("java.home", System.getProperty("java.home"));
  }

  private Path basedir() {
    return project.getBasedir().toPath();
  }

  @Test
  @InjectMojo(goal = "verify")
  void readsWhatCompilePackaged(VerifyMojo mojo) throws Exception {
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "manifestDirectory"))
        .isEqualTo(basedir().resolve("target/classes/META-INF/jusdt").toFile());
    assertThat((File) MojoExtension.getVariableValueFromObject(mojo, "nativeOutputDirectory"))
        .isEqualTo(basedir().resolve("target/classes/META-INF/native").toFile());
  }

  @Test
  @InjectMojo(goal = "verify")
  @MojoParameter(name = "skip", value = "true")
  void skipLogsAndChecksNothing(VerifyMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.lines()).containsExactly(
        "[info] Skipping probe library verification (parameter 'skip' is true)");
  }

  @Test
  @MojoParameter(name = "compilerArgs", value = "-fno-toplevel-reorder")
  void aCompiledLibraryPassesVerification(
      @InjectMojo(goal = "compile") CompileMojo compile,
      @InjectMojo(goal = "verify") VerifyMojo verify) throws Exception {
    NativeToolchain.requireGccWithSdt();
    RecordingLog log = new RecordingLog();
    compile.setLog(log);
    verify.setLog(log);

    compile.execute();
    verify.execute();

    assertThat(log.at("info"))
        .last()
        .isEqualTo("Verified libdemo.so: 2 probes in 2 note entries match demo.json");
  }

  @Test
  @MojoParameter(name = "compilerArgs", value = "-fno-toplevel-reorder")
  void aManifestTheLibraryContradictsFailsTheBuild(
      @InjectMojo(goal = "compile") CompileMojo compile,
      @InjectMojo(goal = "verify") VerifyMojo verify) throws Exception {
    NativeToolchain.requireGccWithSdt();
    compile.setLog(new RecordingLog());
    compile.execute();
    Manifests.write(basedir().resolve("target/classes/META-INF/jusdt"), "demo",
        DemoProject.MANIFEST.replace("'name': 'tock'", "'name': 'tack'"));
    verify.setLog(new RecordingLog());

    assertThatThrownBy(verify::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("demo:tack (declared at dev.demo.Clock#tock): no note entry")
        .hasMessageContaining("demo:tock: note entry at 0x");
  }
}
