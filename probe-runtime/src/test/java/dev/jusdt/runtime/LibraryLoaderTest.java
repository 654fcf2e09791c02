package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Loads real libraries (built with gcc) into this JVM, each at its own content-addressed path. */
class LibraryLoaderTest {

  @TempDir Path temp;

  private String salt(TestInfo test) {
    // Unique bytes per test and run: a path this JVM loaded before would prove nothing.
    return test.getDisplayName() + System.nanoTime();
  }

  @Test
  void extractedLibraryIsLoadedFromContentAddressedPath(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_extract", salt(test));
    Path cache = temp.resolve("cache");
    Settings settings =
        FakeSettings.host(temp).property("jusdt.cache.dir", cache.toString()).build();

    Path loaded;
    try (URLClassLoader jar = jarWith("ldr_extract", library)) {
      loaded = new LibraryLoader(settings).load("ldr_extract", jar);
    }

    Path expected =
        cache.resolve(ContentHash.sha256Hex(library)).resolve("libldr_extract.so").toRealPath();
    assertThat(loaded).isEqualTo(expected);
    assertThat(loaded).hasBinaryContent(library);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loaded)))
        .isEqualTo("r-x------");
  }

  @Test
  void overridePathIsLoadedWithoutFallback(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_override", salt(test));
    Path missing = temp.resolve("nowhere/libldr_override.so");
    Path cache = temp.resolve("cache");
    Settings settings =
        FakeSettings.host(temp)
            .property("jusdt.cache.dir", cache.toString())
            .property("jusdt.library.ldr_override.path", missing.toString())
            .build();

    try (URLClassLoader jar = jarWith("ldr_override", library)) {
      assertThatThrownBy(() -> new LibraryLoader(settings).load("ldr_override", jar))
          .isInstanceOf(LoadFailure.class)
          .hasMessageContaining("-Djusdt.library.ldr_override.path=" + missing)
          .hasMessageContaining("no fallback")
          .hasCauseInstanceOf(UnsatisfiedLinkError.class);
    }
    // The jar held a perfectly good copy; it was not touched.
    assertThat(cache).doesNotExist();
    assertThat(temp.resolve("tmp")).doesNotExist();
  }

  @Test
  void overridePathIsLoadedFromWhereItPoints(TestInfo test) throws Exception {
    TestLibraries.platform();
    TestLibraries.compile(temp.resolve("build"), "ldr_override_ok", salt(test));
    Path file = temp.resolve("build/libldr_override_ok.so");
    Settings settings =
        FakeSettings.host(temp)
            .environment("JUSDT_LIBRARY_LDR_OVERRIDE_OK_PATH", file.toString())
            .build();

    Path loaded =
        new LibraryLoader(settings).load("ldr_override_ok", ClassLoader.getPlatformClassLoader());

    assertThat(loaded).isEqualTo(file.toRealPath());
  }

  @Test
  void overrideIsHonouredOnAnyPlatform() {
    Path missing = temp.resolve("libldr_riscv.so");
    Settings settings =
        FakeSettings.linux(temp)
            .property("os.arch", "riscv64")
            .property("jusdt.library.ldr_riscv.path", missing.toString())
            .build();

    assertThatThrownBy(
            () ->
                new LibraryLoader(settings).load("ldr_riscv", ClassLoader.getPlatformClassLoader()))
        .isInstanceOf(LoadFailure.class)
        .hasMessageContaining("cannot load " + missing);
  }

  @Test
  void missingResourceNamesTheResourceAndTheOverride() throws Exception {
    Settings settings = FakeSettings.host(temp).build();

    assertThatThrownBy(
            () ->
                new LibraryLoader(settings)
                    .load("ldr_missing", ClassLoader.getPlatformClassLoader()))
        .isInstanceOf(LoadFailure.class)
        .hasMessageContaining(
            "META-INF/native/"
                + TestLibraries.platform()
                + "/libldr_missing.so is not on the"
                + " class path")
        .hasMessageContaining("-Djusdt.library.ldr_missing.path")
        .hasMessageContaining("JUSDT_LIBRARY_LDR_MISSING_PATH");
    assertThat(temp.resolve("home")).doesNotExist();
  }

  @Test
  void unsupportedPlatformTouchesNothing() throws Exception {
    Settings settings =
        FakeSettings.linux(temp)
            .property("os.name", "Mac OS X")
            .property("os.arch", "aarch64")
            .build();

    assertThatThrownBy(
            () -> new LibraryLoader(settings).load("ldr_mac", ClassLoader.getPlatformClassLoader()))
        .isInstanceOf(LoadFailure.class)
        .hasMessageContaining("no native build for os.name=Mac OS X, os.arch=aarch64");
    assertThat(temp.resolve("home")).doesNotExist();
    assertThat(temp.resolve("tmp")).doesNotExist();
  }

  @Test
  void uncreatableCacheFallsBackToTmp(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_uncreatable", salt(test));
    Path notADirectory = Files.createFile(temp.resolve("file"));
    Settings settings =
        FakeSettings.host(temp)
            .property("jusdt.cache.dir", notADirectory.resolve("jusdt").toString())
            .build();

    Path loaded;
    try (URLClassLoader jar = jarWith("ldr_uncreatable", library)) {
      loaded = new LibraryLoader(settings).load("ldr_uncreatable", jar);
    }

    assertThat(loaded)
        .isEqualTo(
            temp.resolve("tmp/jusdt-tester")
                .resolve(ContentHash.sha256Hex(library))
                .resolve("libldr_uncreatable.so")
                .toRealPath());
  }

  @Test
  void groupWritableCacheFallsBackToTmp(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_groupw", salt(test));
    Path shared = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Settings settings =
        FakeSettings.host(temp).property("jusdt.cache.dir", shared.toString()).build();

    Path loaded;
    try (URLClassLoader jar = jarWith("ldr_groupw", library)) {
      loaded = new LibraryLoader(settings).load("ldr_groupw", jar);
    }

    assertThat(loaded.startsWith(temp.resolve("tmp/jusdt-tester").toRealPath())).isTrue();
    try (var listing = Files.list(shared)) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void oneFailureListsEveryPathTriedWithEarlierFailuresSuppressed(TestInfo test) throws Exception {
    Path file = Files.createFile(temp.resolve("file"));
    Settings settings =
        FakeSettings.host(temp)
            .property("jusdt.cache.dir", file.resolve("cache").toString())
            .property("java.io.tmpdir", file.resolve("tmp").toString())
            .build();
    byte[] anything = "not even ELF".getBytes(StandardCharsets.US_ASCII);

    try (URLClassLoader jar = jarWith("ldr_nowhere", anything)) {
      assertThatThrownBy(() -> new LibraryLoader(settings).load("ldr_nowhere", jar))
          .isInstanceOf(LoadFailure.class)
          .hasMessageContaining("tried:\n  " + file.resolve("cache") + ": ")
          .hasMessageContaining("\n  " + file.resolve("tmp/jusdt-tester") + ": ")
          .hasMessageContaining("Set -Djusdt.cache.dir=DIR (or JUSDT_CACHE_DIR=DIR)")
          .satisfies(failure -> assertThat(failure.getCause().getSuppressed()).hasSize(1));
    }
  }

  @Test
  void fileTheLinkerRejectsFailsInEveryDirectoryWithItsMessage() throws Exception {
    TestLibraries.platform();
    Settings settings =
        FakeSettings.host(temp)
            .property("jusdt.cache.dir", temp.resolve("cache").toString())
            .build();
    byte[] notElf = "this is not a shared object".getBytes(StandardCharsets.US_ASCII);

    try (URLClassLoader jar = jarWith("ldr_notelf", notElf)) {
      assertThatThrownBy(() -> new LibraryLoader(settings).load("ldr_notelf", jar))
          .isInstanceOf(LoadFailure.class)
          .hasMessageContaining(temp.resolve("cache") + ": ")
          .hasMessageContaining(temp.resolve("tmp/jusdt-tester") + ": ")
          .hasCauseInstanceOf(UnsatisfiedLinkError.class);
    }
  }

  @Test
  void noexecCacheFallsBackToTmp(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_noexec", salt(test));
    Path mountPoint = Files.createDirectory(temp.resolve("noexec"));
    mountNoexecTmpfs(mountPoint);
    try {
      Settings settings =
          FakeSettings.host(temp).property("jusdt.cache.dir", mountPoint.toString()).build();

      Path loaded;
      try (URLClassLoader jar = jarWith("ldr_noexec", library)) {
        loaded = new LibraryLoader(settings).load("ldr_noexec", jar);
      }

      assertThat(loaded.startsWith(temp.resolve("tmp/jusdt-tester").toRealPath())).isTrue();
      // It was extracted on the noexec mount first, and dlopen refused it there.
      assertThat(mountPoint.resolve(ContentHash.sha256Hex(library)).resolve("libldr_noexec.so"))
          .hasBinaryContent(library);
    } finally {
      unmount(mountPoint);
    }
  }

  @Test
  void noexecEverywhereSaysToUseAnExecMount(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "ldr_noexec_all", salt(test));
    Path mountPoint = Files.createDirectory(temp.resolve("noexec"));
    mountNoexecTmpfs(mountPoint);
    try {
      Settings settings =
          FakeSettings.host(temp)
              .property("jusdt.cache.dir", mountPoint.resolve("cache").toString())
              .property("java.io.tmpdir", mountPoint.resolve("tmp").toString())
              .build();

      try (URLClassLoader jar = jarWith("ldr_noexec_all", library)) {
        assertThatThrownBy(() -> new LibraryLoader(settings).load("ldr_noexec_all", jar))
            .isInstanceOf(LoadFailure.class)
            .hasMessageContaining("failed to map segment")
            .hasMessageContaining("on a file system mounted with exec (not noexec)");
      }
    } finally {
      unmount(mountPoint);
    }
  }

  @Test
  void libraryNameThatCouldLeaveTheDirectoryIsRefused() {
    Settings settings = FakeSettings.host(temp).build();

    assertThatThrownBy(
            () -> new LibraryLoader(settings).load("../evil", ClassLoader.getPlatformClassLoader()))
        .isInstanceOf(LoadFailure.class)
        .hasMessageContaining("'../evil' is not a plain file name");
    assertThatThrownBy(
            () -> new LibraryLoader(settings).load("", ClassLoader.getPlatformClassLoader()))
        .isInstanceOf(LoadFailure.class);
  }

  private URLClassLoader jarWith(String library, byte[] content) throws Exception {
    return TestLibraries.classLoaderOver(
        TestLibraries.bundle(
            Files.createDirectories(temp.resolve("jar-" + library)), library, content));
  }

  /** Mounts a noexec tmpfs, or skips the test where that is not allowed. */
  static void mountNoexecTmpfs(Path mountPoint) throws Exception {
    // mode=0700: a tmpfs root is 1777 by default, which the loader rightly refuses outright.
    int status =
        run(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "noexec,mode=0700,size=16m",
            "tmpfs",
            mountPoint.toString());
    assumeTrue(
        status == 0,
        "cannot mount a noexec tmpfs here (needs root, mount(8) and CAP_SYS_ADMIN); the noexec"
            + " fallback is untested");
  }

  /**
   * Lazily: a failed dlopen leaves its first segment mapped (glibc), so the mount stays busy until
   * this JVM exits.
   */
  static void unmount(Path mountPoint) throws Exception {
    run("umount", "-l", mountPoint.toString());
  }

  private static int run(String... command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noSuchProgram) {
      return -1;
    }
    process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
