package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledLibrariesTest {

  private static final byte[] BYTES = {1, 2, 3};

  @TempDir Path temp;

  @Test
  void findsLibrariesInJarsAndDirectoriesOfTheClassPath() throws Exception {
    Path jar =
        ProbeLibrariesTest.jar(
            temp.resolve("a.jar"), "META-INF/native/linux-x86_64/liba.so", BYTES);
    Path directory = TestLibraries.bundle(temp.resolve("classes"), "b", BYTES);
    String classPath =
        jar + File.pathSeparator + directory + File.pathSeparator + temp.resolve("gone.jar");

    assertThat(
            BundledLibraries.find("linux-x86_64", classPath, ClassLoader.getPlatformClassLoader()))
        .containsExactly("a", "b");
  }

  @Test
  void findsLibrariesTheClassLoaderSeesBeyondTheClassPath() throws Exception {
    // A jar reached through a manifest Class-Path: not in java.class.path, but in the loader.
    Path jar = temp.resolve("dependency.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String directory :
          new String[] {"META-INF/", "META-INF/native/", "META-INF/native/linux-x86_64/"}) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/native/linux-x86_64/libdep.so"));
      out.write(BYTES);
      out.closeEntry();
    }

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThat(BundledLibraries.find("linux-x86_64", "", loader)).containsExactly("dep");
    }
  }

  @Test
  void ignoresOtherPlatformsVersionedNamesAndSubdirectories() throws Exception {
    Path root = temp.resolve("classes");
    for (String name :
        new String[] {
          "META-INF/native/linux-aarch64/libarm.so",
          "META-INF/native/linux-x86_64/libversioned.so.1",
          "META-INF/native/linux-x86_64/README",
          "META-INF/native/linux-x86_64/sub/libnested.so",
          "META-INF/native/linux-x86_64/lib.so",
          "META-INF/native/linux-x86_64/libgood.so"
        }) {
      Files.createDirectories(root.resolve(name).getParent());
      Files.write(root.resolve(name), BYTES);
    }

    assertThat(
            BundledLibraries.find(
                "linux-x86_64", root.toString(), ClassLoader.getPlatformClassLoader()))
        .containsExactly("good");
  }
}
