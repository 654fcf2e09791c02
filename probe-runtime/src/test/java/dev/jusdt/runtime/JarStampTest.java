package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's stamp in the cache: found only for the jar, as it was, that it was written for. */
class JarStampTest {

  private static final String LIBRARY = "libx.so";
  private static final LibraryRecord RECORD = new LibraryRecord("ab".repeat(32), 12345);
  private static final String COPY = "4242 1700000000.123456789";

  @TempDir Path temp;

  private Path cache;
  private Path jar;
  private int uid;

  @BeforeEach
  void setUp() throws Exception {
    cache = Files.createDirectories(temp.resolve("cache"));
    jar = Files.writeString(temp.resolve("a b.jar"), "not really a jar");
    uid = FileStatus.currentUid();
  }

  @Test
  void writtenStampIsFoundForTheSameJar() throws Exception {
    JarStamp.of(jar).write(cache, LIBRARY, RECORD, COPY);

    JarStamp.Entry found = JarStamp.of(jar).lookup(cache, LIBRARY, uid);
    assertThat(found.record).isEqualTo(RECORD);
    assertThat(found.copyIdentity).isEqualTo(COPY);
    assertThat(JarStamp.of(jar).lookup(cache, "liby.so", uid)).isNull();
    assertThat(JarStamp.of(jar).lookup(cache, LIBRARY, uid + 1)).as("another user's").isNull();
  }

  @Test
  void stampOfAJarSinceChangedIsNotFound() throws Exception {
    JarStamp stamp = JarStamp.of(jar);
    stamp.write(cache, LIBRARY, RECORD, COPY);
    Files.writeString(jar, "not really a jar");

    assertThat(stamp.isCurrent()).isFalse();
    assertThat(JarStamp.of(jar).lookup(cache, LIBRARY, uid)).isNull();
  }

  @Test
  void stampNamingAnotherPathOrCutShortIsNotFound() throws Exception {
    JarStamp stamp = JarStamp.of(jar);
    stamp.write(cache, LIBRARY, RECORD, COPY);
    Path file = cache.resolve(stamp.name(LIBRARY));
    String line = Files.readString(file);

    Files.writeString(file, line.replace("a b.jar", "a c.jar"));
    JarStamp.Entry otherPath = stamp.lookup(cache, LIBRARY, uid);
    Files.writeString(file, line.substring(0, line.length() - 1));
    JarStamp.Entry noNewline = stamp.lookup(cache, LIBRARY, uid);
    Files.writeString(file, line.substring(0, 70));
    JarStamp.Entry cut = stamp.lookup(cache, LIBRARY, uid);
    Files.writeString(file, line + "more\n");
    JarStamp.Entry longer = stamp.lookup(cache, LIBRARY, uid);

    assertThat(line).startsWith(RECORD.sha256() + " 12345 " + COPY + " ").endsWith(" " + jar + "\n");
    assertThat(otherPath).isNull();
    assertThat(noNewline).isNull();
    assertThat(cut).isNull();
    assertThat(longer).isNull();
  }

  @Test
  void noStampForADirectory() throws Exception {
    assertThat(JarStamp.of(temp)).isNull();
    assertThat(JarStamp.of(temp.resolve("missing.jar"))).isNull();
  }

  @Test
  void theStampIsOneFileWithNoTemporaryLeft() throws Exception {
    JarStamp.of(jar).write(cache, LIBRARY, RECORD, COPY);
    JarStamp.of(jar).write(cache, LIBRARY, RECORD, COPY);

    try (var files = Files.list(cache)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .singleElement().asString().matches("jar-[0-9a-f]+\\.libx\\.so\\.sha256");
    }
    assertThat(Files.readString(cache.resolve(JarStamp.of(jar).name(LIBRARY)), StandardCharsets.UTF_8))
        .hasLineCount(1);
  }
}
