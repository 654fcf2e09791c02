package dev.jusdt.haconiwa.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A root file system made of busybox-static and its applet links, as the tests need one. */
final class TestRootfs {

  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private TestRootfs() {}

  /** Skips, loudly, unless this is root with a static busybox; CI is both. */
  static void assumeContainersCanRun() throws IOException, InterruptedException {
    boolean root = "0".equals(run(List.of("id", "-u")).strip());
    if (!root) {
      System.err.println("SKIPPED: containers need root (CI runs the suite as root)");
    }
    assumeTrue(root, "containers need root (CI runs the suite as root)");
    boolean busybox = Files.isExecutable(BUSYBOX) && run(List.of("readelf", "-d", BUSYBOX.toString())).contains("no dynamic section");
    if (!busybox) {
      System.err.println("SKIPPED: a static /bin/busybox not found: apt-get install busybox-static");
    }
    assumeTrue(busybox, "a static /bin/busybox not found: apt-get install busybox-static");
  }

  /** Builds the root under dir: bin/busybox, a link per applet, and the usual mount points. */
  static Path build(Path dir) throws IOException, InterruptedException {
    // JUnit makes its directories rwx------, which a user namespace's root (a host user) cannot
    // pass through to reach the root file system.
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Path root = dir.resolve("rootfs");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    for (String applet : run(List.of(BUSYBOX.toString(), "--list")).split("\\s+")) {
      if (!applet.isEmpty() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    // With a user namespace the mapped root cannot create mount points in a root owned by the
    // host's root, so they exist beforehand.
    for (String mountPoint : List.of("proc", "sys", "dev", "tmp", "etc", "mnt/host", "root")) {
      Files.createDirectories(root.resolve(mountPoint));
    }
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    return root;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
