package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirectoryTest {

  @TempDir Path temp;

  private CacheDirectory cache;

  @BeforeEach
  void currentUser() throws IOException {
    cache = new CacheDirectory(Ownership.ofCurrentUser());
  }

  @Test
  void createdDirectoriesAreOwnerOnly() throws IOException {
    Path directory = temp.resolve("a/b/jusdt");

    cache.prepare(directory);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("a"))))
        .isEqualTo("rwx------");
  }

  @Test
  void existingSafeDirectoryIsAccepted() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("jusdt"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(cache.prepare(directory)).isEqualTo(directory);
  }

  @Test
  void groupWritableCacheDirIsRefused() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("jusdt"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwx---"));

    assertThatThrownBy(() -> cache.prepare(directory))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining("writable by its group or by everyone");
  }

  @Test
  void worldWritableCacheDirIsRefused() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("jusdt"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> cache.prepare(directory))
        .hasMessageContaining("writable by its group or by everyone");
  }

  @Test
  void cacheDirOwnedByAnotherUserIsRefused() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("jusdt"));
    chownToNobody(directory);

    assertThatThrownBy(() -> cache.prepare(directory)).hasMessageContaining("is owned by nobody");
  }

  @Test
  void symlinkedCacheDirIsRefusedNotFollowed() throws IOException {
    Path real = Files.createDirectory(temp.resolve("real"));
    Path link = Files.createSymbolicLink(temp.resolve("jusdt"), real);

    assertThatThrownBy(() -> cache.prepare(link)).hasMessageContaining("is a symbolic link");
  }

  @Test
  void danglingSymlinkIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(temp.resolve("jusdt"), temp.resolve("nowhere"));

    assertThatThrownBy(() -> cache.prepare(link)).hasMessageContaining("is a symbolic link");
    assertThat(Files.exists(temp.resolve("nowhere"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void fileInPlaceOfCacheDirIsRefused() throws IOException {
    Path file = Files.createFile(temp.resolve("jusdt"));

    assertThatThrownBy(() -> cache.prepare(file)).hasMessageContaining("is not a directory");
  }

  /** Makes {@code path} belong to another user; skips the test if that needs root we lack. */
  static void chownToNobody(Path path) throws IOException {
    UserPrincipal nobody;
    try {
      nobody =
          FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(path, nobody);
    } catch (IOException e) {
      assumeTrue(false, "cannot give a file to user nobody (needs root): " + e);
      return;
    }
    assumeTrue(
        !Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)
            .equals(Ownership.ofCurrentUser().uid()),
        "this test runs as nobody");
  }
}
