package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void linuxAmd64AndX86_64AreLinuxX86_64() {
    assertThat(Platform.of("Linux", "amd64")).isEqualTo("linux-x86_64");
    assertThat(Platform.of("Linux", "x86_64")).isEqualTo("linux-x86_64");
  }

  @Test
  void linuxAarch64IsLinuxAarch64() {
    assertThat(Platform.of("Linux", "aarch64")).isEqualTo("linux-aarch64");
  }

  @Test
  void otherSystemsAndArchitecturesHaveNoBuild() {
    assertThat(Platform.of("Mac OS X", "aarch64")).isNull();
    assertThat(Platform.of("Windows 11", "amd64")).isNull();
    assertThat(Platform.of("FreeBSD", "amd64")).isNull();
    assertThat(Platform.of("Linux", "riscv64")).isNull();
    assertThat(Platform.of("Linux", "x86")).isNull();
    assertThat(Platform.of(null, "amd64")).isNull();
    assertThat(Platform.of("Linux", null)).isNull();
  }

  @Test
  void resourceNameIsUnderMetaInfNative() {
    assertThat(Platform.resourceName("linux-x86_64", "libhaconiwa.so"))
        .isEqualTo("META-INF/native/linux-x86_64/libhaconiwa.so");
  }
}
