package dev.jusdt.plugin.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * gcc and {@code <sys/sdt.h>} for tests that build real libraries; such tests are skipped, with
 * the Debian package to install, where either is missing.
 */
public final class NativeToolchain {

  private static Optional<Path> gcc;
  private static Boolean sdtHeader;

  private NativeToolchain() {}

  /**
   * gcc on {@code PATH}; skips the calling test if there is none.
   *
   * @return gcc's absolute path
   */
  public static synchronized Path requireGcc() {
    if (gcc == null) {
      gcc = Optional.empty();
      for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(directory.isEmpty() ? "." : directory, "gcc");
        if (Files.isExecutable(candidate)) {
          gcc = Optional.of(candidate.toAbsolutePath());
          break;
        }
      }
    }
    assumeTrue(gcc.isPresent(), "gcc not found: apt-get install gcc");
    return gcc.get();
  }

  /**
   * gcc that can include {@code <sys/sdt.h>}; skips the calling test otherwise.
   *
   * @return gcc's absolute path
   */
  public static synchronized Path requireGccWithSdt() {
    Path compiler = requireGcc();
    if (sdtHeader == null) {
      try {
        Path dir = Files.createTempDirectory("jusdt-sdt-check");
        Path source = dir.resolve("check.c");
        Files.writeString(source, "#include <sys/sdt.h>\nint main(void) { return 0; }\n");
        sdtHeader = run(List.of(compiler.toString(), "-fsyntax-only", source.toString())) == 0;
      } catch (IOException e) {
        sdtHeader = false;
      }
    }
    assumeTrue(sdtHeader, "<sys/sdt.h> not found: apt-get install systemtap-sdt-dev");
    return compiler;
  }

  /**
   * Compiles C into a shared library, the way a probe library is built but with {@code
   * -fno-toplevel-reorder}, so that semaphores defined one after another lie in that order.
   *
   * @param directory where to write the C and the library
   * @param library the library name
   * @param c the C source
   * @return {@code lib<library>.so}
   * @throws IOException if gcc fails; its output is the message
   */
  public static Path buildLibrary(Path directory, String library, String c) throws IOException {
    Path compiler = requireGccWithSdt();
    Path source = directory.resolve(library + "_test.c");
    Files.createDirectories(directory);
    Files.writeString(source, c, StandardCharsets.UTF_8);
    Path output = directory.resolve("lib" + library + ".so");
    List<String> command = new ArrayList<>(List.of(
        compiler.toString(), "-std=gnu11", "-O2", "-fPIC", "-shared", "-fno-toplevel-reorder",
        source.toString(), "-o", output.toString()));
    Path log = directory.resolve(library + "_gcc.log");
    if (run(command, log) != 0) {
      throw new IOException("gcc failed: " + Files.readString(log));
    }
    return output;
  }

  private static int run(List<String> command) throws IOException {
    Path log = Files.createTempFile("jusdt-gcc", ".log");
    try {
      return run(command, log);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static int run(List<String> command, Path log) throws IOException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
