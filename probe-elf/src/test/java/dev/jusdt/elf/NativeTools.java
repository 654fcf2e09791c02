package dev.jusdt.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds gcc, sys/sdt.h and readelf, and builds small ELF files with them. A missing tool skips the
 * test with the Debian package that provides it, so the module builds on a bare JDK.
 */
final class NativeTools {

  private static final Path SDT_HEADER = Path.of("/usr/include/x86_64-linux-gnu/sys/sdt.h");
  private static final Path SDT_HEADER_GENERIC = Path.of("/usr/include/sys/sdt.h");

  private NativeTools() {}

  static void assumeGccWithSdt() {
    assumeTrue(onPath("gcc").isPresent(), "gcc not found: apt-get install gcc");
    assumeTrue(
        Files.isRegularFile(SDT_HEADER) || Files.isRegularFile(SDT_HEADER_GENERIC),
        "sys/sdt.h not found: apt-get install systemtap-sdt-dev");
  }

  static void assumeReadelf() {
    assumeTrue(onPath("readelf").isPresent(), "readelf not found: apt-get install binutils");
  }

  /** Whether gcc and sys/sdt.h are both there, for tests that only gain from them. */
  static boolean haveGccWithSdt() {
    return onPath("gcc").isPresent()
        && (Files.isRegularFile(SDT_HEADER) || Files.isRegularFile(SDT_HEADER_GENERIC));
  }

  /**
   * Compiles one C file into a file named {@code output} in {@code dir}.
   *
   * @param flags gcc flags, e.g. {@code -shared -fPIC}
   */
  static Path compile(Path dir, String output, String source, String... flags) throws IOException {
    Path c = dir.resolve(output + ".c");
    Files.writeString(c, source);
    Path out = dir.resolve(output);
    List<String> command = new ArrayList<>();
    command.add("gcc");
    command.addAll(List.of(flags));
    command.addAll(List.of("-o", out.toString(), c.toString()));
    Result result = run(command);
    if (result.exitCode != 0) {
      throw new IOException("gcc failed: " + String.join(" ", command) + "\n" + result.output);
    }
    return out;
  }

  /** Runs a command to completion and returns its exit code and merged output. */
  static Result run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      // Read before waiting: a full pipe would block the child forever.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  static Optional<Path> onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** What a finished command left behind. */
  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
