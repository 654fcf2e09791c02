package dev.jusdt.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.plugin.list.ListMojo;
import dev.jusdt.plugin.testing.RecordingLog;
import java.io.IOException;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** {@code probe:list} as Maven configures it. */
@MojoTest
class ListMojoTest {

  private MavenProject project;

  @Provides
  MavenProject project() throws IOException {
    project = MojoTestProjects.demo();
    return project;
  }

  @Test
  @InjectMojo(goal = "list")
  void listsTheManifestOfAProjectNotBuiltYet(ListMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.at("info").get(0)).isEqualTo("libdemo.so  not built yet: "
        + project.getBasedir().toPath().resolve(
            "target/classes/META-INF/native/linux-x86_64/libdemo.so")
        + " does not exist (mvn process-classes builds it); listing the manifest only");
    assertThat(log.at("info")).contains("  demo:tick", "  demo:tock");
  }

  @Test
  @InjectMojo(goal = "list")
  @MojoParameter(name = "skip", value = "true")
  void skipLogsAndListsNothing(ListMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.lines())
        .containsExactly("[info] Skipping the probe listing (parameter 'skip' is true)");
  }
}
