package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryExtractorTest {

  private static final byte[] CONTENT =
      "\177ELF pretend this is a shared library".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path temp;

  private Ownership ownership;
  private LibraryExtractor extractor;
  private Path hashDirectory;

  @BeforeEach
  void cache() throws IOException {
    ownership = Ownership.ofCurrentUser();
    extractor = new LibraryExtractor(ownership);
    hashDirectory =
        new CacheDirectory(ownership)
            .prepare(temp.resolve("cache").resolve(ContentHash.sha256Hex(CONTENT)));
  }

  @Test
  void extractsOwnerReadExecuteFileWithExactBytes() throws IOException {
    Path file = extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(file).isEqualTo(hashDirectory.resolve("libx.so"));
    assertThat(file).hasBinaryContent(CONTENT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("r-x------");
    assertThat(listing()).containsExactly("libx.so");
  }

  @Test
  void intactCachedLibraryIsReusedNotRewritten() throws IOException {
    Path file = extractor.extract(hashDirectory, "libx.so", CONTENT);
    Object inode = fileKey(file);

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    // Same inode: a tracer attached to it before this JVM started still sees this JVM's probes.
    assertThat(fileKey(file)).isEqualTo(inode);
  }

  @Test
  void tamperedCachedLibraryIsReplaced() throws IOException {
    Path file = hashDirectory.resolve("libx.so");
    byte[] tampered = CONTENT.clone();
    tampered[5] ^= 1;
    Files.write(file, tampered);
    Files.setPosixFilePermissions(file, LibraryExtractor.OWNER_READ_EXECUTE);

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(file).hasBinaryContent(CONTENT);
    assertThat(listing()).containsExactly("libx.so");
  }

  @Test
  void truncatedCachedLibraryIsReplaced() throws IOException {
    Path file = hashDirectory.resolve("libx.so");
    Files.write(file, new byte[] {CONTENT[0], CONTENT[1]});

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(file).hasBinaryContent(CONTENT);
  }

  @Test
  void cachedLibraryWritableByOthersIsReplaced() throws IOException {
    Path file = hashDirectory.resolve("libx.so");
    Files.write(file, CONTENT);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("r-x------");
  }

  @Test
  void cachedLibraryOwnedByAnotherUserIsReplaced() throws IOException {
    Path file = hashDirectory.resolve("libx.so");
    Files.write(file, CONTENT);
    CacheDirectoryTest.chownToNobody(file);

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(ownership.uid());
  }

  @Test
  void symlinkAtFinalNameIsReplacedNotFollowed() throws IOException {
    Path victim = Files.write(temp.resolve("victim"), "precious".getBytes(StandardCharsets.UTF_8));
    Path link = Files.createSymbolicLink(hashDirectory.resolve("libx.so"), victim);

    extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(link).hasBinaryContent(CONTENT);
  }

  @Test
  void predictableTempNameCannotBeHijacked() throws IOException {
    // Every name a predictable scheme would pick, planted as links to a file the attacker wants
    // overwritten (or a library they want loaded). None may be written through or renamed in.
    Path victim = Files.write(temp.resolve("victim"), "precious".getBytes(StandardCharsets.UTF_8));
    List<String> planted =
        List.of("libx.so.tmp", ".libx.so.tmp", "libx.so.part", ".libx.so.0.tmp", "libx.so~");
    for (String name : planted) {
      Files.createSymbolicLink(hashDirectory.resolve(name), victim);
    }

    Path file = extractor.extract(hashDirectory, "libx.so", CONTENT);

    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(file)).isFalse();
    assertThat(file).hasBinaryContent(CONTENT);
    for (String name : planted) {
      assertThat(Files.isSymbolicLink(hashDirectory.resolve(name))).as(name).isTrue();
    }
    // Only the planted links and the library: the random temporary name is gone.
    assertThat(listing()).hasSize(planted.size() + 1);
  }

  @Test
  void concurrentExtractionsAgreeOnOneIntactFile() throws Exception {
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        LibraryExtractor own = new LibraryExtractor(ownership);
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return own.extract(hashDirectory, "libx.so", CONTENT);
                }));
      }
      for (Future<Path> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(hashDirectory.resolve("libx.so"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(hashDirectory.resolve("libx.so")).hasBinaryContent(CONTENT);
    assertThat(listing()).containsExactly("libx.so");
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(hashDirectory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }
}
