package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class ProbeLibrariesTest {

  @TempDir Path temp;

  @Test
  void printsLibraryAndPathForEveryBundledLibrary(TestInfo test) throws Exception {
    String platform = TestLibraries.platform();
    String salt = test.getDisplayName() + System.nanoTime();
    byte[] a = TestLibraries.compile(temp.resolve("build"), "cli_a", salt);
    byte[] b = TestLibraries.compile(temp.resolve("build"), "cli_b", salt);
    Path jar = jar(temp.resolve("a.jar"), "META-INF/native/" + platform + "/libcli_a.so", a);
    Path directory = TestLibraries.bundle(temp.resolve("classes"), "cli_b", b);
    Path cache = temp.resolve("cache");

    Result result = runCli(List.of(TestLibraries.mainClasses(), jar, directory), cache);

    assertThat(result.status).as(result.err).isZero();
    assertThat(result.out.lines())
        .containsExactly(
            "cli_a " + cache.resolve(ContentHash.sha256Hex(a)).resolve("libcli_a.so").toRealPath(),
            "cli_b " + cache.resolve(ContentHash.sha256Hex(b)).resolve("libcli_b.so").toRealPath());
  }

  @Test
  void libraryThatCannotBeLoadedExitsOneWithTheWarning() throws Exception {
    Result result =
        runCli(List.of(TestLibraries.mainClasses()), temp.resolve("cache"), "cli_missing");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.out).isEmpty();
    assertThat(result.err).contains("probes of library 'cli_missing' are off");
  }

  @Test
  void helpPrintsUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        ProbeLibraries.run(
            new String[] {"--help"}, print(out), print(OutputStream.nullOutputStream()));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: java -cp <class path> dev.jusdt.runtime.ProbeLibraries [library...]");
  }

  @Test
  void unknownOptionIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        ProbeLibraries.run(
            new String[] {"--bogus"}, print(OutputStream.nullOutputStream()), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option: --bogus");
  }

  @Test
  void classPathWithoutLibrariesIsAUsageError() {
    TestLibraries.platform();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        ProbeLibraries.run(new String[0], print(OutputStream.nullOutputStream()), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("lib*.so on the class path");
  }

  /** A jar holding one file and, as some build tools write them, no directory entries. */
  static Path jar(Path jar, String entry, byte[] content) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content);
      out.closeEntry();
    }
    return jar;
  }

  private static PrintStream print(OutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static Result runCli(List<Path> classPath, Path cache, String... args) throws Exception {
    Process process =
        TestLibraries.startJvm(
            classPath, List.of("-Djusdt.cache.dir=" + cache), ProbeLibraries.class.getName(), args);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  private static final class Result {
    final int status;
    final String out;
    final String err;

    Result(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }
  }
}
