package dev.jusdt.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Libraries built by distributions, not by us, read the same as readelf prints them: hundreds of
 * probes with every operand form their compilers chose.
 */
class InstalledLibrariesTest {

  @ParameterizedTest
  @ValueSource(strings = {"lib/server/libjvm.so", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"})
  void installedLibraryReadsLikeReadelf(String library) throws Exception {
    NativeTools.assumeReadelf();
    Path file = Path.of(System.getProperty("java.home")).resolve(library);
    assumeTrue(Files.isRegularFile(file), file + " is not installed here");

    Readelf.assertReaderAgrees(file);
  }
}
