package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.config.ContainerSpec.Cgroup;
import dev.jusdt.haconiwa.container.CgroupLayout.Hierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringTokenizer;

/**
 * A container's cgroups: one directory {@code PARENT/NAME} in each hierarchy it needs (those of
 * its limited controllers, and one that tracks every process), limits written before the
 * child is moved in, and on cleanup every process killed and every directory removed.
 */
final class ContainerCgroups {

  /** How long cleanup keeps trying to empty and remove a cgroup: 500 x 10 ms. */
  private static final int ATTEMPTS = 500;

  /*
   * Keyed by directory, not by Hierarchy: that is a record, and the first record hashCode in a
   * JVM bootstraps ObjectMethods through invokedynamic, some 30 ms of a boot.
   */
  private final Map<Path, Hierarchy> directories;
  private final Cgroup limits;

  private ContainerCgroups(Map<Path, Hierarchy> directories, Cgroup limits) {
    this.directories = directories;
    this.limits = limits;
  }

  /**
   * Creates the directories and writes the limits.
   *
   * @throws RunFailure if a controller is missing or a limit is refused; whatever was created
   *     is removed again
   */
  static ContainerCgroups create(CgroupLayout layout, String name, Cgroup limits) throws RunFailure {
    Map<Path, Hierarchy> directories = new LinkedHashMap<>();
    List<String> controllers = new ArrayList<>();
    if (limits.memoryBytes().isPresent()) {
      controllers.add("memory");
    }
    if (limits.pids().isPresent()) {
      controllers.add("pids");
    }
    if (limits.limitsCpu()) {
      controllers.add("cpu");
    }
    for (String controller : controllers) {
      Optional<Hierarchy> found = layout.forController(controller);
      if (found.isEmpty()) {
        throw new RunFailure(ExitCodes.RUNTIME_FAILED,
            "cgroup." + controller + ": this machine has no " + controller + " controller (no cgroup v1 hierarchy"
                + " and not in cgroup v2's cgroup.controllers); remove the limit or enable the controller");
      }
      Hierarchy hierarchy = found.get();
      directories.put(hierarchy.mountPoint().resolve(limits.parent()).resolve(name), hierarchy);
    }
    Optional<Hierarchy> tracking = layout.tracking();
    if (tracking.isPresent()) {
      directories.putIfAbsent(tracking.get().mountPoint().resolve(limits.parent()).resolve(name), tracking.get());
    }
    if (directories.isEmpty()) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "no cgroup hierarchy is mounted (see /proc/self/mountinfo);"
          + " mount cgroup2 on /sys/fs/cgroup or the v1 hierarchies under it");
    }
    ContainerCgroups cgroups = new ContainerCgroups(directories, limits);
    try {
      for (Map.Entry<Path, Hierarchy> entry : directories.entrySet()) {
        cgroups.make(entry.getValue(), entry.getKey());
      }
      cgroups.writeLimits();
    } catch (IOException e) {
      cgroups.remove();
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cgroup setup failed: " + e.getMessage(), e);
    } catch (RunFailure e) {
      cgroups.remove();
      throw e;
    }
    return cgroups;
  }

  private void make(Hierarchy hierarchy, Path directory) throws IOException, RunFailure {
    Path parent = directory.getParent();
    if (!Files.isDirectory(parent)) { // there already, but for a machine's first container
      Files.createDirectories(parent);
    }
    if (hierarchy.unified()) {
      enableControllers(hierarchy);
    }
    if (Files.isDirectory(directory)) {
      // Left by a runtime that died before its cleanup; empty, it can go.
      if (!pids(directory).isEmpty()) {
        throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cgroup " + directory + " exists and has processes:"
            + " is a container of this name running without a state file? Remove the processes, then the directory");
      }
      Files.delete(directory);
    }
    Files.createDirectory(directory);
  }

  /** cgroup v2 hands a controller down only where every ancestor enabled it for its children. */
  private void enableControllers(Hierarchy hierarchy) throws IOException {
    List<String> wanted = new ArrayList<>();
    for (String controller : List.of("memory", "pids", "cpu")) {
      if (hierarchy.controllers().contains(controller) && wants(controller)) {
        wanted.add("+" + controller);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Path level = hierarchy.mountPoint();
    for (Path part : Path.of(limits.parent())) {
      write(level.resolve("cgroup.subtree_control"), String.join(" ", wanted));
      level = level.resolve(part);
    }
    write(level.resolve("cgroup.subtree_control"), String.join(" ", wanted));
  }

  private boolean wants(String controller) {
    return switch (controller) {
      case "memory" -> limits.memoryBytes().isPresent();
      case "pids" -> limits.pids().isPresent();
      case "cpu" -> limits.limitsCpu();
      default -> false;
    };
  }

  private void writeLimits() throws IOException {
    for (Map.Entry<Path, Hierarchy> entry : directories.entrySet()) {
      Hierarchy h = entry.getValue();
      Path dir = entry.getKey();
      boolean v2 = h.unified();
      if (h.controllers().contains("memory") && limits.memoryBytes().isPresent()) {
        String bytes = Long.toString(limits.memoryBytes().getAsLong());
        write(dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), bytes);
        // No swapping past the limit: memsw counts memory plus swap and must not be below memory.
        Path swap = dir.resolve(v2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes");
        if (Files.exists(swap)) {
          write(swap, v2 ? "0" : bytes);
        }
      }
      if (h.controllers().contains("pids") && limits.pids().isPresent()) {
        write(dir.resolve("pids.max"), Long.toString(limits.pids().getAsLong()));
      }
      if (h.controllers().contains("cpu") && limits.limitsCpu()) {
        writeCpu(dir, v2);
      }
    }
  }

  private void writeCpu(Path dir, boolean v2) throws IOException {
    long period = limits.cpuPeriodMicros().orElse(100_000);
    if (v2) {
      if (limits.cpuShares().isPresent()) {
        // The kernel's own conversion of v1 shares (2..262144) to v2 weight (1..10000).
        write(dir.resolve("cpu.weight"), Long.toString(1 + (limits.cpuShares().getAsLong() - 2) * 9999 / 262142));
      }
      String quota = limits.cpuQuotaMicros().isPresent() ? Long.toString(limits.cpuQuotaMicros().getAsLong()) : "max";
      write(dir.resolve("cpu.max"), quota + " " + period);
      return;
    }
    if (limits.cpuShares().isPresent()) {
      write(dir.resolve("cpu.shares"), Long.toString(limits.cpuShares().getAsLong()));
    }
    write(dir.resolve("cpu.cfs_period_us"), Long.toString(period));
    if (limits.cpuQuotaMicros().isPresent()) {
      write(dir.resolve("cpu.cfs_quota_us"), Long.toString(limits.cpuQuotaMicros().getAsLong()));
    }
  }

  /** The directories, one per hierarchy. */
  List<Path> directories() {
    return List.copyOf(directories.keySet());
  }

  /** How many times the memory limit made the kernel kill a process (v1 oom_control, v2 memory.events). */
  OptionalLong oomKills() {
    for (Map.Entry<Path, Hierarchy> entry : directories.entrySet()) {
      if (entry.getValue().controllers().contains("memory") && limits.memoryBytes().isPresent()) {
        String file = entry.getValue().unified() ? "memory.events" : "memory.oom_control";
        return counter(entry.getKey().resolve(file), "oom_kill");
      }
    }
    return OptionalLong.empty();
  }

  /** How many times a fork or clone failed at the pids limit. */
  OptionalLong pidsLimitHits() {
    for (Map.Entry<Path, Hierarchy> entry : directories.entrySet()) {
      if (entry.getValue().controllers().contains("pids") && limits.pids().isPresent()) {
        return counter(entry.getKey().resolve("pids.events"), "max");
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong counter(Path file, String key) {
    try {
      for (String line : KernelFiles.lines(file)) {
        // Not split("\\s+"): a regular expression's character classes are lambdas, which on JDK
        // 17 link the method handle machinery, interpreted (see ContainerRuntime.SYSCALL_NUMBERS).
        StringTokenizer words = new StringTokenizer(line);
        if (words.countTokens() == 2 && words.nextToken().equals(key)) {
          return OptionalLong.of(Long.parseLong(words.nextToken()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // a kernel without the counter: nothing to report
    }
    return OptionalLong.empty();
  }

  /** Kills every process left in the cgroups and removes them; true if all are gone. */
  boolean remove() {
    return removeAll(directories(), true);
  }

  /**
   * Kills the processes of cgroup directories (cgroup.kill where the kernel has it, else
   * SIGKILL to each listed pid, repeated until none is left) and removes the directories.
   *
   * @return true if every directory is gone
   */
  static boolean removeAll(List<Path> dirs, boolean kill) {
    boolean all = true;
    for (Path dir : dirs) {
      all &= removeOne(dir, kill);
    }
    return all;
  }

  private static boolean removeOne(Path dir, boolean kill) {
    // A cgroup with a process in it cannot be removed (EBUSY), so an empty one, the common case
    // once the container's pid 1 has been reaped, goes at the first try with no process looked for.
    try {
      Files.delete(dir);
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      // busy: kill what is left, below
    }
    Path cgroupKill = dir.resolve("cgroup.kill");
    if (kill && Files.exists(cgroupKill)) {
      try {
        write(cgroupKill, "1");
      } catch (IOException e) {
        // the pid loop below does the same, one by one
      }
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (kill) {
        killAll(dir);
      }
      try {
        Files.delete(dir);
        return true;
      } catch (NoSuchFileException e) {
        return true;
      } catch (IOException e) {
        sleep();
      }
    }
    return false;
  }

  /** Sends SIGKILL to every process of the cgroups; used by the shutdown hook and {@code kill}. */
  static void killAll(List<Path> dirs) {
    for (Path dir : dirs) {
      Path cgroupKill = dir.resolve("cgroup.kill");
      if (Files.exists(cgroupKill)) {
        try {
          write(cgroupKill, "1");
        } catch (IOException e) {
          // fall through to the pids
        }
      }
      killAll(dir);
    }
  }

  private static void killAll(Path dir) {
    for (long pid : pids(dir)) {
      Native.kill((int) pid, Signals.KILL);
    }
  }

  static List<Long> pids(Path dir) {
    List<Long> pids = new ArrayList<>();
    try {
      for (String line : KernelFiles.lines(dir.resolve("cgroup.procs"))) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone already
    }
    return pids;
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One write(2) of the whole value, as cgroup files expect; names the file on failure. */
  static void write(Path file, String value) throws IOException {
    try {
      Files.write(file, value.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException("writing '" + value + "' to " + file + ": " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
