package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.haconiwa.config.ContainerFileCache;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry point in its own JVM, logging where each class came from: a plain run must load no
 * picocli class (the launcher's check of main alone used to load picocli.CommandLine), and
 * everything else must still reach picocli.
 */
class MainTest {

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  private Result main(String... args) throws Exception {
    return main(List.of(), args);
  }

  private Result main(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getErrorStream().readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  @Test
  void plainRunLoadsNoPicocliClass() throws Exception {
    Path missing = dir.resolve("missing.yaml");

    Result result = main("--state-dir", dir.resolve("state").toString(), "run", missing.toString());

    assertThat(result.err()).isEqualTo("haconiwa: no container file " + missing + "\n");
    assertThat(result.exit()).isEqualTo(125);
    assertThat(result.out()).contains("dev.jusdt.haconiwa.cli.PlainRun source: ").doesNotContain("picocli.");
  }

  @Test
  void checkOnlyRunKeepsTheCheckedFileAndStartsNothing() throws Exception {
    // A real run of this file fails (125): its rootfs does not exist.
    Path file = Files.writeString(dir.resolve("c.yaml"), "name: c\nrootfs: ./no-such-root\ncommand: [/bin/true]\n");
    Path cache = dir.resolve("cache");
    List<String> options = List.of("-D" + RunCommand.CHECK_ONLY + "=true", "-D" + ContainerFileCache.PROPERTY + "=" + cache);

    Result result = main(options, "--state-dir", dir.resolve("state").toString(), "run", file.toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(cache).isDirectoryContaining("glob:**.spec");
    assertThat(dir.resolve("state")).doesNotExist();
    assertThat(result.out()).as("no probe fired").doesNotContain("dev.jusdt.haconiwa.probe.HaconiwaProbes source");
  }

  @Test
  void checkOnlyRunOfABadFileSaysWhatIsWrong() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "name: -c\nrootfs: /r\ncommand: [/bin/true]\n");

    Result result = main(List.of("-D" + RunCommand.CHECK_ONLY + "=true"), "run", file.toString());

    assertThat(result.exit()).isEqualTo(125);
    assertThat(result.err()).contains(file + ":1:7: name: must be letters");
  }

  @Test
  void anythingElseStillGoesToPicocli() throws Exception {
    Result result = main("run", "--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("picocli.CommandLine source: ").contains("Usage: haconiwa run");
  }
}
