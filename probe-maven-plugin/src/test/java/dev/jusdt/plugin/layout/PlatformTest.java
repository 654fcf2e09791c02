package dev.jusdt.plugin.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void linuxOnAmd64IsX8664() {
    assertThat(Platform.of("Linux", "amd64")).contains("linux-x86_64");
    assertThat(Platform.of("Linux", "x86_64")).contains("linux-x86_64");
  }

  @Test
  void linuxOnAarch64IsAarch64() {
    assertThat(Platform.of("Linux", "aarch64")).contains("linux-aarch64");
  }

  @Test
  void otherHostsHaveNoPlatform() {
    assertThat(Platform.of("Mac OS X", "aarch64")).isEmpty();
    assertThat(Platform.of("Windows 11", "amd64")).isEmpty();
    assertThat(Platform.of("Linux", "riscv64")).isEmpty();
  }

  @Test
  void anUnsupportedHostIsToldToSkip() {
    assertThat(Platform.unsupported("Mac OS X", "aarch64"))
        .contains("Mac OS X aarch64")
        .contains("-Dusdt.skip=true")
        .contains("no-ops at run time");
  }

  @Test
  void librariesAreBuiltUnderTheBuildDirectoryAndPackagedUnderMetaInfNative() {
    NativeLayout layout =
        new NativeLayout(Path.of("/p/target/jusdt"), Path.of("/p/target/classes/META-INF/native"),
            "linux-x86_64");

    assertThat(layout.builtLibrary("haconiwa"))
        .isEqualTo(Path.of("/p/target/jusdt/linux-x86_64/libhaconiwa.so"));
    assertThat(layout.stamp("haconiwa"))
        .isEqualTo(Path.of("/p/target/jusdt/linux-x86_64/libhaconiwa.stamp"));
    assertThat(layout.packagedLibrary("haconiwa"))
        .isEqualTo(Path.of("/p/target/classes/META-INF/native/linux-x86_64/libhaconiwa.so"));
  }
}
