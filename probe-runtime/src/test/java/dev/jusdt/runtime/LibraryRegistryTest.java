package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class LibraryRegistryTest {

  @TempDir Path temp;

  private final RecordingLogger logger = new RecordingLogger();

  private LibraryRegistry registry(Settings settings) {
    return new LibraryRegistry(new LibraryLoader(settings), Warnings.to(logger));
  }

  @Test
  void missingResourceMeansNoOpAndOneWarning() throws Exception {
    LibraryRegistry registry = registry(FakeSettings.host(temp).build());
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return registry.load("reg_missing", LibraryRegistryTest.class);
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.load("reg_missing", LibraryRegistryTest.class)).isFalse();
    assertThat(registry.path("reg_missing")).isNull();
    assertThat(logger.entries).hasSize(1);
    RecordingLogger.Entry warning = logger.entries.get(0);
    assertThat(warning.level).isEqualTo(Level.WARNING);
    assertThat(warning.message)
        .startsWith("jusdt: probes of library 'reg_missing' are off: ")
        .contains("libreg_missing.so is not on the class path")
        .contains("-Djusdt.library.reg_missing.path");
  }

  @Test
  void unsupportedPlatformMeansNoOpAndOneWarning() {
    LibraryRegistry registry =
        registry(FakeSettings.linux(temp).property("os.name", "Windows 11").build());

    assertThat(registry.load("reg_windows", LibraryRegistryTest.class)).isFalse();
    assertThat(registry.load("reg_windows", LibraryRegistryTest.class)).isFalse();

    assertThat(logger.entries).hasSize(1);
    assertThat(logger.entries.get(0).message).contains("os.name=Windows 11");
  }

  @Test
  void loadedLibraryIsAnsweredFromMemory(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "reg_once", test.getDisplayName() + System.nanoTime());
    Path cache = temp.resolve("cache");
    LibraryRegistry registry =
        registry(FakeSettings.host(temp).property("jusdt.cache.dir", cache.toString()).build());

    try (URLClassLoader jar =
        TestLibraries.classLoaderOver(
            TestLibraries.bundle(temp.resolve("jar"), "reg_once", library))) {
      Class<?> anchor = TestLibraries.anchorIn(jar);
      assertThat(registry.load("reg_once", anchor)).isTrue();
      Path path = registry.path("reg_once");
      assertThat(path).hasBinaryContent(library);

      deleteRecursively(cache);
      assertThat(registry.load("reg_once", anchor)).isTrue();

      assertThat(cache).doesNotExist();
      assertThat(registry.path("reg_once")).isEqualTo(path);
    }
    assertThat(logger.entries).isEmpty();
  }

  @Test
  void pendingInterruptNeitherStopsLoadingNorIsLost(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "reg_interrupted", test.getDisplayName() + System.nanoTime());
    LibraryRegistry registry =
        registry(
            FakeSettings.host(temp)
                .property("jusdt.cache.dir", temp.resolve("cache").toString())
                .build());

    try (URLClassLoader jar =
        TestLibraries.classLoaderOver(
            TestLibraries.bundle(temp.resolve("jar"), "reg_interrupted", library))) {
      Class<?> anchor = TestLibraries.anchorIn(jar);
      Thread.currentThread().interrupt();
      boolean loaded = registry.load("reg_interrupted", anchor);
      boolean stillInterrupted = Thread.interrupted();

      assertThat(loaded).as("%s", logger.entries).isTrue();
      assertThat(stillInterrupted).isTrue();
    }
  }

  @Test
  void disableWarnsOnceAndKeepsThePath(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "reg_disable", test.getDisplayName() + System.nanoTime());
    LibraryRegistry registry =
        registry(
            FakeSettings.host(temp)
                .property("jusdt.cache.dir", temp.resolve("cache").toString())
                .build());

    try (URLClassLoader jar =
        TestLibraries.classLoaderOver(
            TestLibraries.bundle(temp.resolve("jar"), "reg_disable", library))) {
      assertThat(registry.load("reg_disable", TestLibraries.anchorIn(jar))).isTrue();
      Path path = registry.path("reg_disable");

      UnsatisfiedLinkError cause = new UnsatisfiedLinkError("'long Probes.fire0(long)'");
      registry.disable("reg_disable", cause);
      registry.disable("reg_disable", cause);

      assertThat(registry.load("reg_disable", TestLibraries.anchorIn(jar))).isFalse();
      assertThat(registry.path("reg_disable")).isEqualTo(path);
      assertThat(logger.entries).hasSize(1);
      assertThat(logger.entries.get(0).message)
          .contains("could not link to " + path)
          .contains("'long Probes.fire0(long)'")
          // The anchor here is in another class loader than probe-runtime: the likely cause.
          .contains("put probe-runtime in the same class loader as the probe classes");
      assertThat(logger.entries.get(0).thrown).isSameAs(cause);
    }
  }

  @Test
  void disableForDeniedNativeAccessSaysHowToEnableIt() {
    LibraryRegistry registry = registry(FakeSettings.host(temp).build());

    registry.disable("reg_denied", new IllegalCallerException("Illegal native access"));

    assertThat(logger.entries).hasSize(1);
    assertThat(logger.entries.get(0).message).contains("--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void disableAfterAFailedLoadAddsNoSecondWarning() {
    LibraryRegistry registry = registry(FakeSettings.host(temp).build());

    assertThat(registry.load("reg_failed", LibraryRegistryTest.class)).isFalse();
    registry.disable("reg_failed", new UnsatisfiedLinkError("x"));

    assertThat(logger.entries).hasSize(1);
    assertThat(registry.path("reg_failed")).isNull();
  }

  @Test
  void disableOfALibraryNeverLoadedWarnsOnce() {
    LibraryRegistry registry = registry(FakeSettings.host(temp).build());

    registry.disable("reg_unloaded", new UnsatisfiedLinkError("x"));
    registry.disable("reg_unloaded", new UnsatisfiedLinkError("x"));

    assertThat(logger.entries).hasSize(1);
    assertThat(logger.entries.get(0).message).contains("Rebuild");
    assertThat(registry.load("reg_unloaded", LibraryRegistryTest.class)).isFalse();
  }

  @Test
  void nullArgumentsAreAWarningNotAnException() {
    LibraryRegistry registry = registry(FakeSettings.host(temp).build());

    assertThat(registry.load(null, LibraryRegistryTest.class)).isFalse();
    assertThat(registry.load("reg_null", null)).isFalse();
    registry.disable(null, null);

    assertThat(registry.path(null)).isNull();
    assertThat(logger.entries).hasSize(2);
  }

  private static void deleteRecursively(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void aLoadFromTheLibrarysOwnJniOnLoadIsAnsweredWithoutLoadingAgain(TestInfo test) throws Exception {
    TestLibraries.platform();
    String library = "reg_reentrant";
    Path file = TestLibraries.compileFindingClass(temp.resolve("build"), library,
        test.getDisplayName() + System.nanoTime(), ReentrantLoad.class.getName());
    Map<String, Integer> reads = new HashMap<>();
    Properties properties = new Properties() {
      @Override
      public String getProperty(String key) {
        reads.merge(key, 1, Integer::sum);
        return super.getProperty(key);
      }
    };
    properties.putAll(Map.of("os.name", "Linux", "os.arch", System.getProperty("os.arch"),
        LibraryOverride.propertyName(library), file.toString()));
    LibraryRegistry registry = registry(new Settings(properties, Map.of()));
    ReentrantLoad.Hook.load = () -> registry.load(library, Anchor.class);

    boolean loaded = registry.load(library, Anchor.class);

    assertThat(loaded).isTrue();
    assertThat(ReentrantLoad.LOADED).as("what the class JNI_OnLoad initialised was told").isTrue();
    assertThat(reads).as("one pass through the loader").containsEntry(LibraryOverride.propertyName(library), 1);
    assertThat(registry.path(library)).isEqualTo(file.toRealPath());
    assertThat(logger.entries).isEmpty();
  }
}
