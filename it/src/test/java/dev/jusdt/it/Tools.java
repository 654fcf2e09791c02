package dev.jusdt.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** Running real tools and reading real build outputs. */
final class Tools {

  /** A finished command. */
  record Result(int exit, String output) {}

  private Tools() {}

  /** Skips the test, loudly, when a tool is absent; CI installs every one of them. */
  static void requireTool(String tool, String debianPackage) {
    boolean found = false;
    for (String dir : System.getenv("PATH").split(":")) {
      found |= Files.isExecutable(Path.of(dir, tool));
    }
    if (!found) {
      System.err.println("SKIPPED: " + tool + " not found: apt-get install " + debianPackage);
    }
    assumeTrue(found, tool + " not found: apt-get install " + debianPackage);
  }

  /** Runs a command to completion, stderr merged into stdout. */
  static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** A sample project under {@code src/it}, as invoker built it. */
  static Path project(String name) {
    return Path.of(System.getProperty("it.projects")).resolve(name);
  }

  /** A jar a system property names (set from the POM's dependencies). */
  static Path jar(String property) {
    String path = System.getProperty(property);
    if (path == null || path.isEmpty()) {
      throw new IllegalStateException("system property " + property + " is not set; run through Maven");
    }
    return Path.of(path);
  }

  /** Copies one entry of a jar to a file. */
  static Path extract(Path jar, String entry, Path to) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry zipEntry = file.getEntry(entry);
      if (zipEntry == null) {
        throw new AssertionError(jar + " has no entry " + entry);
      }
      try (InputStream in = file.getInputStream(zipEntry)) {
        Files.copy(in, to);
      }
    }
    return to;
  }

  /**
   * Deletes the symbolic links directly in {@code directory}, if it exists: links to a JDK outside
   * a JUnit temporary directory make its clean-up warn.
   */
  static void deleteSymbolicLinks(Path directory) throws IOException {
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The {@code java} of the JDK running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
