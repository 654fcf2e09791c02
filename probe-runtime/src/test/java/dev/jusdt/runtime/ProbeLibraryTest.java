package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point, with this JVM's real properties and System.Logger. */
class ProbeLibraryTest {

  @TempDir Path temp;

  @Test
  void libraryLoadedInAnotherClassLoaderIsAWarningNotAnError(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "pl_twice", test.getDisplayName() + System.nanoTime());
    Path root = TestLibraries.bundle(temp.resolve("jar"), "pl_twice", library);
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Logger jul = Logger.getLogger("dev.jusdt.runtime");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(handler);
    String previous = System.setProperty("jusdt.cache.dir", temp.resolve("cache").toString());
    // A second copy of probe-runtime, as a second web application in one server would have.
    try (URLClassLoader copy =
        new URLClassLoader(
            new URL[] {
              TestLibraries.mainClasses().toUri().toURL(),
              root.toUri().toURL(),
              TestLibraries.testClasses().toUri().toURL()
            },
            ClassLoader.getPlatformClassLoader())) {
      Class<?> anchor = TestLibraries.anchorIn(copy);
      Class<?> otherProbeLibrary = Class.forName(ProbeLibrary.class.getName(), true, copy);
      assertThat(otherProbeLibrary).isNotSameAs(ProbeLibrary.class);
      Method otherLoad = otherProbeLibrary.getMethod("load", String.class, Class.class);
      Method otherPath = otherProbeLibrary.getMethod("path", String.class);

      assertThat(ProbeLibrary.load("pl_twice", anchor)).isTrue();
      assertThat(otherLoad.invoke(null, "pl_twice", anchor)).isEqualTo(false);
      assertThat(otherLoad.invoke(null, "pl_twice", anchor)).isEqualTo(false);

      assertThat(otherPath.invoke(null, "pl_twice")).isEqualTo(Optional.empty());
      assertThat(ProbeLibrary.path("pl_twice")).isPresent();
    } finally {
      jul.removeHandler(handler);
      if (previous == null) {
        System.clearProperty("jusdt.cache.dir");
      } else {
        System.setProperty("jusdt.cache.dir", previous);
      }
    }
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
    assertThat(records.get(0).getMessage())
        .contains("is already loaded by another class loader in this JVM");
    assertThat(records.get(0).getThrown()).isInstanceOf(UnsatisfiedLinkError.class);
  }

  @Test
  void unknownLibraryHasNoPath() {
    assertThat(ProbeLibrary.path("pl_never_loaded")).isEmpty();
  }

  @Test
  void loadNeverThrowsOnBadArguments() {
    assertThat(ProbeLibrary.load(null, null)).isFalse();
    assertThat(ProbeLibrary.load("../../etc/evil", ProbeLibraryTest.class)).isFalse();
    ProbeLibrary.disable(null, null);
  }
}
