package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryOverrideTest {

  @TempDir Path temp;

  @Test
  void propertyNameEmbedsTheLibraryName() {
    assertThat(LibraryOverride.propertyName("haconiwa")).isEqualTo("jusdt.library.haconiwa.path");
  }

  @Test
  void environmentNameIsUpperCasedWithEveryOtherCharacterAsUnderscore() {
    assertThat(LibraryOverride.environmentName("haconiwa"))
        .isEqualTo("JUSDT_LIBRARY_HACONIWA_PATH");
    assertThat(LibraryOverride.environmentName("my-lib.v2_x"))
        .isEqualTo("JUSDT_LIBRARY_MY_LIB_V2_X_PATH");
  }

  @Test
  void propertyWinsOverEnvironment() {
    Settings settings =
        FakeSettings.linux(temp)
            .property("jusdt.library.x.path", "/from/property/libx.so")
            .environment("JUSDT_LIBRARY_X_PATH", "/from/env/libx.so")
            .build();

    LibraryOverride override = LibraryOverride.find("x", settings);

    assertThat(override.path).isEqualTo(Path.of("/from/property/libx.so"));
    assertThat(override.source).isEqualTo("-Djusdt.library.x.path=/from/property/libx.so");
  }

  @Test
  void environmentIsReadWithoutProperty() {
    Settings settings =
        FakeSettings.linux(temp).environment("JUSDT_LIBRARY_X_PATH", "/from/env/libx.so").build();

    LibraryOverride override = LibraryOverride.find("x", settings);

    assertThat(override.path).isEqualTo(Path.of("/from/env/libx.so"));
    assertThat(override.source).isEqualTo("JUSDT_LIBRARY_X_PATH=/from/env/libx.so");
  }

  @Test
  void emptyValueMeansNoOverride() {
    Settings settings =
        FakeSettings.linux(temp)
            .property("jusdt.library.x.path", "")
            .environment("JUSDT_LIBRARY_X_PATH", "")
            .build();

    assertThat(LibraryOverride.find("x", settings)).isNull();
  }

  @Test
  void relativeOverrideIsMadeAbsolute() {
    Settings settings =
        FakeSettings.linux(temp).property("jusdt.library.x.path", "libx.so").build();

    assertThat(LibraryOverride.find("x", settings).path.isAbsolute()).isTrue();
  }
}
