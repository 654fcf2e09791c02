package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm start's trust in a cached copy: its metadata and the stamp of its last full check. */
class CachedCopyTest {

  private static final byte[] CONTENT =
      "\177ELF pretend this is a shared library".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path temp;

  private Path cache;
  private Path file;
  private CachedCopy cached;

  @BeforeEach
  void verifiedCopy() throws IOException {
    Ownership ownership = Ownership.ofCurrentUser();
    CacheDirectory directories = new CacheDirectory(ownership);
    cache = directories.prepare(temp.resolve("cache"));
    Path hashDirectory = directories.prepare(cache.resolve(ContentHash.sha256Hex(CONTENT)));
    file = new LibraryExtractor(ownership).extract(hashDirectory, "libx.so", CONTENT);
    cached = new CachedCopy(FileStatus.currentUid());
  }

  @Test
  void stampedCopyIsTrustedWithoutReadingIt() throws IOException {
    cached.stamp(file);

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isTrue();
    assertThat(CachedCopy.stampOf(file)).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CachedCopy.stampOf(file))))
        .isEqualTo("rw-------");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("libx.so", "libx.so.verified");
    }
  }

  @Test
  void copyNeverVerifiedIsNotTrusted() throws IOException {
    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void writeIntoTheCachedCopyThatKeepsItsSizeIsNoticed() throws IOException {
    cached.stamp(file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    byte[] tampered = CONTENT.clone();
    tampered[5] ^= 1;
    Files.write(file, tampered, StandardOpenOption.WRITE);
    Files.setPosixFilePermissions(file, LibraryExtractor.OWNER_READ_EXECUTE);

    assertThat(Files.size(file)).isEqualTo(CONTENT.length);
    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void copyReplacedByAnotherFileIsNotTrusted() throws IOException {
    cached.stamp(file);
    Path other = Files.write(file.resolveSibling("other"), CONTENT);
    Files.setPosixFilePermissions(other, LibraryExtractor.OWNER_READ_EXECUTE);

    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void sizeOtherThanTheRecordedOneIsNotTrusted() throws IOException {
    cached.stamp(file);

    assertThat(cached.isTrusted(cache, file, CONTENT.length + 1)).isFalse();
  }

  @Test
  void symlinkAtTheLibrarysNameIsNotTrustedNotFollowed() throws IOException {
    Path real = file.resolveSibling("real.so");
    Files.move(file, real);
    Files.createSymbolicLink(file, real);
    cached.stamp(real);
    Files.move(CachedCopy.stampOf(real), CachedCopy.stampOf(file));

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void hashDirectoryWritableByItsGroupIsNotTrusted() throws IOException {
    cached.stamp(file);
    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxrwx---"));

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void cacheDirectoryWritableByEveryoneIsNotTrusted() throws IOException {
    cached.stamp(file);
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void libraryWritableByOthersIsNotTrusted() throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r-x---rwx"));
    cached.stamp(file);

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void libraryOwnedByAnotherUserIsNotTrusted() throws IOException {
    CacheDirectoryTest.chownToNobody(file);
    // Stamped after the chown, so only the owner is wrong.
    cached.stamp(file);

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }

  @Test
  void stampWritableByItsGroupIsNotTrusted() throws IOException {
    cached.stamp(file);
    Files.setPosixFilePermissions(
        CachedCopy.stampOf(file), PosixFilePermissions.fromString("rw-rw----"));

    assertThat(cached.isTrusted(cache, file, CONTENT.length)).isFalse();
  }
}
