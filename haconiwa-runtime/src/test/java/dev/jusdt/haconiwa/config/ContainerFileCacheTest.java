package dev.jusdt.haconiwa.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFileCacheTest {

  static final String FILE = "name: web\nrootfs: ./root\nhostname: one\ncommand: [/bin/true]\n";

  @TempDir Path dir;

  Path file() throws IOException {
    return Files.writeString(dir.resolve("web.yaml"), FILE);
  }

  ContainerFileCache cache() {
    return new ContainerFileCache(dir.resolve("cache"));
  }

  Path entry(Path file) {
    return dir.resolve("cache").resolve(ContainerFileCache.entryName(file.toAbsolutePath().toString()));
  }

  /** Rewrites an entry's spec part, keeping its header: what a later read returns if it uses it. */
  void forge(Path entry, ContainerSpec spec) throws IOException {
    byte[] bytes = Files.readAllBytes(entry);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    SpecCodec.Reader header = new SpecCodec.Reader(in);
    header.intValue();
    header.string();
    header.string();
    header.bytes();
    SpecCodec.Writer out = new SpecCodec.Writer();
    SpecCodec.encode(spec, out);
    ByteBuffer body = out.written();
    byte[] forged = Arrays.copyOf(bytes, in.position() + body.limit());
    body.get(forged, in.position(), body.limit());
    Files.write(entry, forged);
  }

  @Test
  void firstReadChecksTheFileAndKeepsItOwnerOnly() throws Exception {
    Path file = file();

    ContainerSpec spec = cache().read(file, ContainerFileTest.SYSCALLS);

    assertThat(spec).isEqualTo(ContainerFile.read(file, ContainerFileTest.SYSCALLS));
    assertThat(entry(file)).isRegularFile();
    assertThat(Files.getPosixFilePermissions(entry(file))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("cache"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      assertThat(files).containsExactly(entry(file)); // no temporary file left
    }
  }

  @Test
  void secondReadOfTheSameTextComesFromTheEntry() throws Exception {
    Path file = file();
    ContainerSpec first = cache().read(file, ContainerFileTest.SYSCALLS);
    forge(entry(file), first.withName("from-the-cache"));

    ContainerSpec second = cache().read(file, ContainerFileTest.SYSCALLS);

    assertThat(second.name()).isEqualTo("from-the-cache");
  }

  @Test
  void anEditedFileIsReadAgainWhateverItsTimeSays() throws Exception {
    Path file = file();
    var modified = Files.getLastModifiedTime(file);
    cache().read(file, ContainerFileTest.SYSCALLS);
    Files.writeString(file, FILE.replace("hostname: one", "hostname: two"));
    Files.setLastModifiedTime(file, modified);

    ContainerSpec spec = cache().read(file, ContainerFileTest.SYSCALLS);

    assertThat(spec.hostname()).contains("two");
    assertThat(cache().read(file, ContainerFileTest.SYSCALLS).hostname()).contains("two");
  }

  @Test
  void theSameTextAtAnotherPathIsAnotherEntry() throws Exception {
    Path file = file();
    ContainerSpec here = cache().read(file, ContainerFileTest.SYSCALLS);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("web.yaml");
    Files.writeString(elsewhere, FILE);
    // The other path's entry under this one's name, as a hash collision would put it.
    Files.copy(entry(file), entry(elsewhere));
    forge(entry(elsewhere), here.withName("from-the-cache"));

    ContainerSpec there = cache().read(elsewhere, ContainerFileTest.SYSCALLS);

    assertThat(there.name()).isEqualTo("web");
    assertThat(there.rootfs().path()).isEqualTo(elsewhere.toAbsolutePath().getParent().resolve("root"));
  }

  @Test
  void aDamagedEntryIsAMissAndIsWrittenAgain() throws Exception {
    Path file = file();
    ContainerSpec spec = cache().read(file, ContainerFileTest.SYSCALLS);
    byte[] bytes = Files.readAllBytes(entry(file));

    for (byte[] damaged : List.of(new byte[0], Arrays.copyOf(bytes, bytes.length - 3),
        Arrays.copyOf(bytes, bytes.length + 1), "garbage".getBytes(UTF_8))) {
      Files.write(entry(file), damaged);

      assertThat(cache().read(file, ContainerFileTest.SYSCALLS)).isEqualTo(spec);
      assertThat(Files.readAllBytes(entry(file))).isEqualTo(bytes);
    }
  }

  @Test
  void aFileWithProblemsIsReportedAsWithoutTheCacheAndNotKept() throws Exception {
    Path file = Files.writeString(dir.resolve("web.yaml"), "name: -web\nrootfs: /r\ncommand: [/bin/true]\n");

    assertThatThrownBy(() -> cache().read(file, ContainerFileTest.SYSCALLS))
        .isInstanceOf(ContainerFileException.class)
        .hasMessage(messageOf(() -> ContainerFile.read(file, ContainerFileTest.SYSCALLS)));
    assertThat(entry(file)).doesNotExist();
  }

  @Test
  void textThatIsNotUtf8FailsAsReadingItAsTextDoes() throws Exception {
    Path file = Files.write(dir.resolve("web.yaml"), new byte[] {'n', 'a', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> cache().read(file, ContainerFileTest.SYSCALLS)).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> ContainerFile.read(file, ContainerFileTest.SYSCALLS)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void aCacheThatCannotBeWrittenOnlyCostsTheParse() throws Exception {
    Path file = file();
    Files.writeString(dir.resolve("cache"), "a file where the directory should be");

    assertThat(cache().read(file, ContainerFileTest.SYSCALLS)).isEqualTo(ContainerFile.read(file, ContainerFileTest.SYSCALLS));
  }

  @Test
  void pastItsBoundTheEntriesWrittenLongestAgoGo() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    int others = ContainerFileCache.MAX_ENTRIES + 10;
    for (int i = 0; i < others; i++) {
      Path old = Files.writeString(cache.resolve(String.format("%04d.spec", i)), "an older entry");
      Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    Path unrelated = Files.writeString(cache.resolve("notes.txt"), "not an entry");
    Path file = file();

    cache().read(file, ContainerFileTest.SYSCALLS);

    List<String> left;
    try (Stream<Path> files = Files.list(cache)) {
      left = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(left).hasSize(ContainerFileCache.MAX_ENTRIES * 3 / 4 + 1)
        .contains(entry(file).getFileName().toString(), unrelated.getFileName().toString())
        .contains(String.format("%04d.spec", others - 1))
        .doesNotContain("0000.spec");
  }

  @Test
  void configuredOnlyByItsProperty() {
    String before = System.getProperty(ContainerFileCache.PROPERTY);
    try {
      System.clearProperty(ContainerFileCache.PROPERTY);
      assertThat(ContainerFileCache.configured()).isEmpty();
      System.setProperty(ContainerFileCache.PROPERTY, dir.toString());
      assertThat(ContainerFileCache.configured()).hasValueSatisfying(c -> assertThat(c.toString()).contains(dir.toString()));
    } finally {
      if (before == null) {
        System.clearProperty(ContainerFileCache.PROPERTY);
      } else {
        System.setProperty(ContainerFileCache.PROPERTY, before);
      }
    }
  }

  interface Failing {
    void run() throws Exception;
  }

  static String messageOf(Failing failing) {
    try {
      failing.run();
    } catch (Exception e) {
      return e.getMessage();
    }
    throw new AssertionError("did not fail");
  }
}
