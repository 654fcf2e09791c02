package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/haconiwa starts the jar with dependencies as a user would, without a class path. */
class HaconiwaLauncherTest {

  @TempDir Path dir;

  @TempDir static Path cache;

  /** The archives' NAME.java links point at the JDK: removed first, JUnit has none to warn of. */
  @AfterAll
  static void removeJavaLinks() throws Exception {
    Tools.deleteSymbolicLinks(cache);
  }

  static Tools.Result haconiwa(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        new java.util.ArrayList<>(List.of(System.getProperty("haconiwa.launcher"))));
    builder.command().addAll(List.of(args));
    builder.environment().put("HACONIWA_JAR", Tools.jar("jar.haconiwa-runtime-all").toString());
    builder.environment().put("HACONIWA_JAVA", Tools.java());
    builder.environment().put("HACONIWA_CACHE_DIR", cache.toString());
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Tools.Result(process.exitValue(), output);
  }

  @Test
  void launcherPrintsHelpAndTheProbeLibraryPath() throws Exception {
    Tools.Result help = haconiwa("--help");
    Tools.Result path = haconiwa("probes", "--path");

    assertThat(help.exit()).as(help.output()).isZero();
    // The first run left a class-data archive for the next ones.
    assertThat(cache).isDirectoryContaining("glob:**/haconiwa-*.jsa");
    assertThat(help.output()).contains("Usage: haconiwa").contains("run").contains("probes");
    assertThat(path.exit()).as(path.output()).isZero();
    assertThat(Path.of(path.output().strip())).isRegularFile();
  }

  @Test
  void launcherBootsABusyboxContainer() throws Exception {
    boolean root = "0".equals(Tools.run(List.of("id", "-u")).output().strip());
    assumeTrue(root, "containers need root (CI runs the suite as root)");
    Tools.requireTool("busybox", "busybox-static");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
    Files.createSymbolicLink(bin.resolve("hostname"), Path.of("busybox"));
    Path file = Files.writeString(dir.resolve("c.yaml"),
        "name: it-" + ProcessHandle.current().pid() + "\nhostname: launched\nrootfs: ./rootfs\n"
            + "command: [/bin/sh, -c, 'hostname; exit 7']\n");

    Tools.Result run = haconiwa("--state-dir=" + dir.resolve("state"), "run", file.toString());

    assertThat(run.output()).as(run.output()).isEqualTo("launched\n");
    assertThat(run.exit()).isEqualTo(7);
  }
}
