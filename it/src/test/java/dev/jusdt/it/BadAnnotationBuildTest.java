package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A misuse of {@code @UsdtProbe} fails a real Maven build with the message on the element. */
class BadAnnotationBuildTest {

  @Test
  void argsOutOfRangeFailsTheBuildNamingTheLine() throws Exception {
    String log = Files.readString(Tools.project("bad-annotation").resolve("build.log"));
    assertThat(log)
        .contains("BUILD FAILURE")
        .containsPattern("Phases\\.java:\\[6,\\d+\\] \\[UsdtArgsRange\\] args must be 0\\.\\.12");
  }
}
