package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LibraryRecordTest {

  private static final String HASH =
      "a433872c034f93826afd2b955a10d066d092842fe501caa5b29a3dd832aebb22";

  private static LibraryRecord parse(String text) {
    return LibraryRecord.parse(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void readsTheHashAndTheSizeTheBuildWrote() {
    assertThat(parse(HASH + " 17296\n")).isEqualTo(new LibraryRecord(HASH, 17296));
  }

  @Test
  void anythingElseIsNoRecord() {
    assertThat(LibraryRecord.parse(null)).isNull();
    assertThat(parse("")).isNull();
    assertThat(parse(HASH)).isNull();
    assertThat(parse(HASH + " ")).isNull();
    assertThat(parse(HASH + " -1")).isNull();
    assertThat(parse(HASH + " 12x")).isNull();
    assertThat(parse(HASH + " 1 2")).isNull();
    assertThat(parse(HASH + " 1234567890123")).isNull();
    assertThat(parse(HASH.toUpperCase() + " 1")).isNull();
    assertThat(parse(HASH.substring(1) + " 1")).isNull();
    assertThat(parse("../../../etc" + HASH.substring(12) + " 1")).isNull();
  }
}
