package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLocationsTest {

  @TempDir Path temp;

  @Test
  void propertyComesFirstThenTmpFallback() {
    Settings settings =
        FakeSettings.linux(temp)
            .property("jusdt.cache.dir", "/configured")
            .environment("JUSDT_CACHE_DIR", "/from-env")
            .environment("XDG_CACHE_HOME", "/xdg")
            .build();

    assertThat(CacheLocations.candidates(settings))
        .containsExactly(Path.of("/configured"), temp.resolve("tmp/jusdt-tester"));
  }

  @Test
  void environmentComesBeforeXdgCacheHome() {
    Settings settings =
        FakeSettings.linux(temp)
            .environment("JUSDT_CACHE_DIR", "/from-env")
            .environment("XDG_CACHE_HOME", "/xdg")
            .build();

    assertThat(CacheLocations.candidates(settings)).first().isEqualTo(Path.of("/from-env"));
  }

  @Test
  void xdgCacheHomeComesBeforeHome() {
    Settings settings = FakeSettings.linux(temp).environment("XDG_CACHE_HOME", "/xdg").build();

    assertThat(CacheLocations.candidates(settings)).first().isEqualTo(Path.of("/xdg/jusdt"));
  }

  @Test
  void relativeXdgCacheHomeIsIgnoredAsTheSpecSays() {
    Settings settings = FakeSettings.linux(temp).environment("XDG_CACHE_HOME", "rel").build();

    assertThat(CacheLocations.candidates(settings))
        .containsExactly(temp.resolve("home/.cache/jusdt"), temp.resolve("tmp/jusdt-tester"));
  }

  @Test
  void homelessUserGetsOnlyTheTmpFallback() {
    Settings settings =
        FakeSettings.linux(temp).property("user.home", "?").property("user.name", "?").build();

    assertThat(CacheLocations.candidates(settings)).containsExactly(temp.resolve("tmp/jusdt-_"));
  }

  @Test
  void cacheDirEqualToTheFallbackIsTriedOnce() {
    Settings settings =
        FakeSettings.linux(temp)
            .property("jusdt.cache.dir", temp.resolve("tmp/jusdt-tester").toString())
            .build();

    assertThat(CacheLocations.candidates(settings)).hasSize(1);
  }

  @Test
  void userNameBecomesOneSafePathSegment() {
    assertThat(CacheLocations.safeUserName("alice")).isEqualTo("alice");
    assertThat(CacheLocations.safeUserName("../../etc")).isEqualTo(".._.._etc");
    assertThat(CacheLocations.safeUserName("..")).isEqualTo("unknown");
    assertThat(CacheLocations.safeUserName(null)).isEqualTo("unknown");
    assertThat(CacheLocations.safeUserName("DOMAIN\\bob smith")).isEqualTo("DOMAIN_bob_smith");
  }
}
