package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStampTest {

  @TempDir Path dir;
  private Path source;
  private Path header;
  private final List<String> command = List.of("/usr/bin/gcc", "-O2", "a.c", "-o", "liba.so");

  @BeforeEach
  void inputs() throws Exception {
    source = Files.writeString(dir.resolve("a.c"), "int a;\n");
    header = Files.writeString(dir.resolve("a.h"), "extern int a;\n");
  }

  @Test
  void theSameBuildHasTheSameDigest() throws Exception {
    assertThat(BuildStamp.digest(command, List.of(source, header)))
        .isEqualTo(BuildStamp.digest(List.copyOf(command), List.of(source, header)))
        .hasSize(64);
  }

  @Test
  void changedContentChangesTheDigest() throws Exception {
    String before = BuildStamp.digest(command, List.of(source, header));
    Files.writeString(header, "extern long a;\n");

    assertThat(BuildStamp.digest(command, List.of(source, header))).isNotEqualTo(before);
  }

  @Test
  void aChangedArgumentOrCompilerChangesTheDigest() throws Exception {
    String before = BuildStamp.digest(command, List.of(source));

    assertThat(BuildStamp.digest(List.of("/usr/bin/gcc", "-O3", "a.c", "-o", "liba.so"),
            List.of(source)))
        .isNotEqualTo(before);
    assertThat(BuildStamp.digest(List.of("/usr/bin/clang", "-O2", "a.c", "-o", "liba.so"),
            List.of(source)))
        .isNotEqualTo(before);
  }

  @Test
  void wordsAreNotConfusedWhenTheirBoundariesMove() throws Exception {
    assertThat(BuildStamp.digest(List.of("gcc", "-DA", "B"), List.of()))
        .isNotEqualTo(BuildStamp.digest(List.of("gcc", "-D", "AB"), List.of()));
  }

  @Test
  void anAddedInputChangesTheDigest() throws Exception {
    assertThat(BuildStamp.digest(command, List.of(source)))
        .isNotEqualTo(BuildStamp.digest(command, List.of(source, header)));
  }

  @Test
  void aWrittenStampMatchesOnlyItsDigest() throws Exception {
    Path stamp = dir.resolve("liba.stamp");
    String digest = BuildStamp.digest(command, List.of(source));

    assertThat(BuildStamp.matches(stamp, digest)).isFalse();
    BuildStamp.write(stamp, digest);
    assertThat(BuildStamp.matches(stamp, digest)).isTrue();
    assertThat(BuildStamp.matches(stamp, digest.replace(digest.charAt(0), 'x'))).isFalse();
  }
}
