package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading with the build's record ({@code lib<library>.so.sha256}) next to the library and the
 * generated class: the first start extracts and verifies, later ones trust the verified copy.
 */
class WarmStartTest {

  @TempDir Path temp;

  private String salt(TestInfo test) {
    return test.getDisplayName() + System.nanoTime();
  }

  private Settings settings() {
    return FakeSettings.host(temp)
        .property("jusdt.cache.dir", temp.resolve("cache").toString())
        .build();
  }

  private Path load(String library, URLClassLoader loader) throws Exception {
    return new LibraryLoader(settings())
        .load(library, TestLibraries.anchorIn(loader), loader);
  }

  private Path cached(String library, byte[] content) {
    return temp.resolve("cache").resolve(ContentHash.sha256Hex(content)).resolve(
        "lib" + library + ".so");
  }

  /** A class path directory as a build leaves it: the class, the library and its record. */
  private Path classes(String library, byte[] content, byte[] recorded) throws Exception {
    Path root = Files.createDirectories(temp.resolve("classes-" + library));
    TestLibraries.withAnchor(root);
    TestLibraries.bundle(root, library, content);
    TestLibraries.record(root, library, recorded);
    return root;
  }

  @Test
  void firstStartExtractsVerifiesAndStampsTheCopy(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "warm_first", salt(test));
    Path classes = classes("warm_first", library, library);

    Path loaded;
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      loaded = load("warm_first", loader);
    }

    assertThat(loaded).isEqualTo(cached("warm_first", library).toRealPath());
    assertThat(loaded).hasBinaryContent(library);
    assertThat(CachedCopy.stampOf(loaded)).isRegularFile();
  }

  @Test
  void laterStartsReadNeitherTheJarsCopyNorTheCachedOne(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "warm_later", salt(test));
    Path classes = classes("warm_later", library, library);
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      load("warm_later", loader);
    }
    // Were the jar's copy read now, it would be hashed to another path and fail to load.
    byte[] garbage = new byte[library.length];
    TestLibraries.bundle(classes, "warm_later", garbage);

    Path loaded;
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      loaded = load("warm_later", loader);
    }

    assertThat(loaded).isEqualTo(cached("warm_later", library).toRealPath());
    assertThat(loaded).hasBinaryContent(library);
    assertThat(temp.resolve("cache").resolve(ContentHash.sha256Hex(garbage))).doesNotExist();
  }

  @Test
  void aWriteIntoTheCachedCopyIsFoundAndRepairedOnTheNextStart(TestInfo test) throws Exception {
    TestLibraries.platform();
    String salt = salt(test);
    byte[] library = TestLibraries.compile(temp.resolve("build"), "warm_tamper", salt);
    Path classes = classes("warm_tamper", library, library);
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      load("warm_tamper", loader);
    }
    Path copy = cached("warm_tamper", library);
    // Same size, one byte of the salt string changed: only a full comparison can tell.
    int at = new String(library, StandardCharsets.ISO_8859_1).indexOf(salt);
    byte[] tampered = library.clone();
    tampered[at] ^= 1;
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
    Files.write(copy, tampered, StandardOpenOption.WRITE);
    Files.setPosixFilePermissions(copy, LibraryExtractor.OWNER_READ_EXECUTE);

    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      load("warm_tamper", loader);
    }

    assertThat(copy).hasBinaryContent(library);
  }

  @Test
  void recordedLibraryInAJarIsLoadedFromTheCache(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "warm_jar", salt(test));
    Path jar =
        TestLibraries.jar(classes("warm_jar", library, library), temp.resolve("probes.jar"));

    Path first;
    Path second;
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(jar)) {
      first = load("warm_jar", loader);
      second = load("warm_jar", loader);
    }

    assertThat(first).isEqualTo(cached("warm_jar", library).toRealPath()).isEqualTo(second);
    assertThat(CachedCopy.stampOf(first)).isRegularFile();
  }

  @Test
  void aRecordOfOtherBytesIsIgnoredAndTheLibraryHashedItself(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library = TestLibraries.compile(temp.resolve("build"), "warm_stale", salt(test));
    byte[] older = "an older build".getBytes(StandardCharsets.US_ASCII);
    Path classes = classes("warm_stale", library, older);

    Path loaded;
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(classes)) {
      loaded = load("warm_stale", loader);
    }

    assertThat(loaded).isEqualTo(cached("warm_stale", library).toRealPath());
    assertThat(temp.resolve("cache").resolve(ContentHash.sha256Hex(older))).doesNotExist();
  }

  /** A jar holding {@code content} as {@code library}, with its record, built under {@code name}. */
  private Path jarOf(String name, String library, byte[] content) throws Exception {
    Path root = Files.createDirectories(temp.resolve("classes-" + name));
    TestLibraries.withAnchor(root);
    TestLibraries.bundle(root, library, content);
    TestLibraries.record(root, library, content);
    return TestLibraries.jar(root, temp.resolve(name + ".jar"));
  }

  private Path loadFrom(Path jar, String library) throws Exception {
    try (URLClassLoader loader = TestLibraries.classLoaderOverOnly(jar)) {
      return load(library, loader);
    }
  }

  /** The jar of {@code build}, loaded from once: the cache holds its stamp. */
  private Path jarLoadedOnce(String library, byte[] build) throws Exception {
    Path jar = jarOf("first", library, build);
    loadFrom(jar, library);
    return jar;
  }

  /** Two builds of one library, both extracted and verified: what a stamp could point at. */
  private byte[][] twoBuilds(TestInfo test, String library) throws Exception {
    byte[] first = TestLibraries.compile(temp.resolve("build-1"), library, salt(test) + "-1");
    byte[] second = TestLibraries.compile(temp.resolve("build-2"), library, salt(test) + "-2");
    loadFrom(jarOf("second", library, second), library);
    return new byte[][] {first, second};
  }

  /** Writes the cache's stamp for {@code jar} as if it held {@code build}; returns the stamp. */
  private Path stampPointingAt(Path jar, String library, byte[] build) throws Exception {
    Path cache = temp.resolve("cache");
    JarStamp stamp = JarStamp.of(jar);
    String fileName = "lib" + library + ".so";
    LibraryRecord record = new LibraryRecord(ContentHash.sha256Hex(build), build.length);
    String copy = FileStatus.of(cache.resolve(record.sha256()).resolve(fileName)).identity();
    stamp.write(cache, fileName, record, copy);
    return cache.resolve(stamp.name(fileName));
  }

  @Test
  void anUnchangedJarIsNotOpenedAgainButFoundByItsStamp(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[][] builds = twoBuilds(test, "warm_stamp");
    Path jar = jarOf("first", "warm_stamp", builds[0]);
    Path first = loadFrom(jar, "warm_stamp");
    // Pointed at the other verified copy: only a start that goes by the stamp loads that one.
    stampPointingAt(jar, "warm_stamp", builds[1]);

    Path again = loadFrom(jar, "warm_stamp");

    assertThat(first).isEqualTo(cached("warm_stamp", builds[0]).toRealPath());
    assertThat(again).isEqualTo(cached("warm_stamp", builds[1]).toRealPath());
  }

  @Test
  void aJarWrittenSinceItsStampIsReadAgain(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[][] builds = twoBuilds(test, "warm_rebuilt");
    Path jar = jarLoadedOnce("warm_rebuilt", builds[0]);
    // A rebuild in place: the same path and inode, other bytes.
    TestLibraries.jar(temp.resolve("classes-second"), jar);

    Path loaded = loadFrom(jar, "warm_rebuilt");

    assertThat(loaded).isEqualTo(cached("warm_rebuilt", builds[1]).toRealPath());
  }

  @Test
  void aStampOthersCanWriteIsNotTrusted(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[][] builds = twoBuilds(test, "warm_open");
    Path jar = jarLoadedOnce("warm_open", builds[0]);
    Files.setPosixFilePermissions(stampPointingAt(jar, "warm_open", builds[1]),
        PosixFilePermissions.fromString("rw-rw-rw-"));

    Path loaded = loadFrom(jar, "warm_open");

    assertThat(loaded).isEqualTo(cached("warm_open", builds[0]).toRealPath());
  }

  @Test
  void aStampedStartTrustsTheCopyAsTheJarStampSawItWithoutReadingTheCopysStamp(TestInfo test)
      throws Exception {
    TestLibraries.platform();
    byte[][] builds = twoBuilds(test, "warm_stamped_copy");
    Path jar = jarLoadedOnce("warm_stamped_copy", builds[0]);
    stampPointingAt(jar, "warm_stamped_copy", builds[1]);
    // Only the jar stamp can vouch for the copy now: a start that read the copy's own stamp would
    // not trust it, and would load the jar's build from the jar.
    Files.delete(CachedCopy.stampOf(cached("warm_stamped_copy", builds[1])));

    Path loaded = loadFrom(jar, "warm_stamped_copy");

    assertThat(loaded).isEqualTo(cached("warm_stamped_copy", builds[1]).toRealPath());
  }

  @Test
  void aCopyChangedSinceTheJarStampWasWrittenIsNotTrustedByIt(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[][] builds = twoBuilds(test, "warm_moved_copy");
    Path jar = jarLoadedOnce("warm_moved_copy", builds[0]);
    stampPointingAt(jar, "warm_moved_copy", builds[1]);
    // A chmod to the same mode still moves the change time, as any write would.
    Path copy = cached("warm_moved_copy", builds[1]);
    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(copy));

    Path loaded = loadFrom(jar, "warm_moved_copy");

    assertThat(loaded).isEqualTo(cached("warm_moved_copy", builds[0]).toRealPath());
  }
}
