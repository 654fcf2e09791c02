package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.haconiwa.container.CgroupLayout.Hierarchy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {

  /** This machine's kind: v1 hierarchies, and a v2 tree with only hugetlb. */
  static final List<String> HYBRID = List.of(
      "21 26 0:20 / /proc rw,relatime - proc proc rw",
      "30 29 0:26 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
      "31 30 0:27 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
      "34 30 0:30 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
      "37 30 0:33 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
      "38 30 0:34 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd",
      "39 30 0:35 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

  @Test
  void thisMachinesLayoutIsWhatItsMountinfoLinesSay() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));

    assertThat(CgroupLayout.current().hierarchies()).isEqualTo(CgroupLayout.parse(lines).hierarchies());
  }

  @Test
  void v1ControllersAreFoundByTheirMountOptions() {
    CgroupLayout layout = CgroupLayout.parse(HYBRID);

    assertThat(layout.forController("memory")).map(Hierarchy::mountPoint).hasValue(Path.of("/sys/fs/cgroup/memory"));
    assertThat(layout.forController("pids")).map(Hierarchy::unified).hasValue(false);
    assertThat(layout.forController("cpu")).map(Hierarchy::mountPoint).hasValue(Path.of("/sys/fs/cgroup/cpu"));
    assertThat(layout.forController("io")).isEmpty();
    // name=systemd is a named hierarchy, not a controller
    assertThat(layout.hierarchies()).filteredOn(h -> h.mountPoint().endsWith("systemd"))
        .singleElement().satisfies(h -> assertThat(h.controllers()).isEmpty());
  }

  @Test
  void theV2TreeTracksEveryProcessWhereItIsMounted() {
    CgroupLayout layout = CgroupLayout.parse(HYBRID);

    assertThat(layout.tracking()).map(Hierarchy::unified).hasValue(true);
    assertThat(layout.tracking()).map(Hierarchy::mountPoint).hasValue(Path.of("/sys/fs/cgroup/unified"));
  }

  @Test
  void withoutV2TheV1PidsHierarchyTracks() {
    CgroupLayout layout = CgroupLayout.parse(HYBRID.subList(0, 6));

    assertThat(layout.tracking()).map(Hierarchy::mountPoint).hasValue(Path.of("/sys/fs/cgroup/pids"));
  }

  @Test
  void coMountedControllersShareAHierarchyAndEscapedPathsAreRead() {
    CgroupLayout layout = CgroupLayout.parse(List.of(
        "40 30 0:40 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct",
        "41 30 0:41 / /mnt/my\\040cgroups rw - cgroup cgroup rw,pids"));

    assertThat(layout.forController("cpuacct")).map(Hierarchy::mountPoint).hasValue(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
    assertThat(layout.forController("pids")).map(Hierarchy::mountPoint).hasValue(Path.of("/mnt/my cgroups"));
  }

  @Test
  void thisMachinesLayoutHasAHierarchyToTrackContainers() throws Exception {
    assertThat(CgroupLayout.current().tracking()).isPresent();
  }
}
