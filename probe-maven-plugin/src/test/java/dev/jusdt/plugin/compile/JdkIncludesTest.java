package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkIncludesTest {

  @TempDir Path jdk;

  @Test
  void aJdkContributesIncludeAndIncludeLinux() throws Exception {
    Files.createDirectories(jdk.resolve("include/linux"));
    Files.writeString(jdk.resolve("include/jni.h"), "");

    assertThat(JdkIncludes.of(jdk))
        .containsExactly(jdk.resolve("include"), jdk.resolve("include/linux"));
  }

  @Test
  void aRuntimeWithoutJniHeadersIsToldToUseAFullJdk() {
    assertThatThrownBy(() -> JdkIncludes.of(jdk))
        .hasMessage("the JDK at " + jdk + " has no include/jni.h; run Maven with a full JDK"
            + " (e.g. apt-get install openjdk-17-jdk-headless), or point -Dusdt.jdkHome at one"
            + " (or build without the probe library, whose probes are then no-ops:"
            + " -Dusdt.skip=true)");
  }
}
