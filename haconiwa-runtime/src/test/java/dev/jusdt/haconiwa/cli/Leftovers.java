package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a container may not leave behind: cgroups, mounts on the host, processes, state. */
final class Leftovers {

  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  private Leftovers() {}

  /** Every cgroup directory named for the container, in any hierarchy. */
  static List<Path> cgroups(String name) throws IOException {
    List<Path> found = new ArrayList<>();
    List<Path> roots = new ArrayList<>(List.of(CGROUPS));
    try (DirectoryStream<Path> hierarchies = Files.newDirectoryStream(CGROUPS, Files::isDirectory)) {
      hierarchies.forEach(roots::add);
    }
    for (Path root : roots) {
      Path dir = root.resolve("haconiwa").resolve(name);
      if (Files.isDirectory(dir)) {
        found.add(dir);
      }
    }
    return found;
  }

  static boolean isLive(long pid) {
    try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "stat"))) {
      String stat = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      // A zombie has exited; this machine's pid 1 does not reap orphans, a real init would.
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  static String hostMounts() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("/proc/self/mountinfo"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Asserts the container left no cgroup, no host mount under its root, and no state. */
  static void assertNone(String name, Path rootfs) throws IOException {
    assertThat(cgroups(name)).as("cgroups of " + name).isEmpty();
    assertThat(hostMounts()).as("host mounts").doesNotContain(rootfs.toString());
  }

  /** Waits up to 10 s for a condition the guardian or the runtime brings about. */
  static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
