package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.config.Capability;
import dev.jusdt.haconiwa.config.ContainerSpec;
import dev.jusdt.haconiwa.config.ContainerSpec.Mount;
import dev.jusdt.haconiwa.config.ContainerSpec.MountType;
import dev.jusdt.haconiwa.config.ContainerSpec.Rlimit;
import dev.jusdt.haconiwa.config.ContainerSpec.RootMode;
import dev.jusdt.haconiwa.config.Namespace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what the container child does between clone and execve, in the layout {@code
 * src/main/c/plan.c} reads: little-endian 32- and 64-bit words, strings as a 32-bit length and
 * their UTF-8 bytes.
 */
final class ChildPlan {

  static final int MAGIC = 0x504e4348; // "HCNP"
  static final int VERSION = 1;

  static final int STAGE_FILESYSTEM = 13;
  static final int STAGE_REMOUNT = 16;

  private static final long MS_RDONLY = 1;
  private static final long MS_NOSUID = 2;
  private static final long MS_NODEV = 4;
  private static final long MS_NOEXEC = 8;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private ChildPlan() {}

  /**
   * The plan for a container.
   *
   * @param spec the container
   * @param rootfs its root, resolved to a real path
   * @param lastCapability {@code /proc/sys/kernel/cap_last_cap}
   * @param cgroupDirectories the cgroups the parent moves the child into
   * @return the bytes for {@link Native#prepareSpawn}
   */
  static byte[] of(ContainerSpec spec, Path rootfs, int lastCapability, List<Path> cgroupDirectories) {
    ChildPlan plan = new ChildPlan();
    plan.u32(MAGIC);
    plan.u32(VERSION);
    plan.u64(cloneFlags(spec));
    plan.u64(unshareFlags(spec));
    plan.bool(spec.has(Namespace.CGROUP));
    plan.bool(spec.has(Namespace.NET));
    plan.string(spec.hostname().orElse(""));
    plan.string(rootfs.toString());
    plan.u32(spec.rootfs().mode() == RootMode.CHROOT ? 1 : 0);
    plan.bool(spec.rootfs().readonly());
    plan.u32(spec.mounts().size());
    for (Mount mount : spec.mounts()) {
      plan.mount(mount);
    }
    plan.u32(spec.rlimits().size());
    for (Rlimit limit : spec.rlimits()) {
      plan.u32(limit.resource().number());
      plan.u64(limit.soft());
      plan.u64(limit.hard());
    }
    plan.bool(spec.user().isPresent());
    // No lambdas on the boot path: see ContainerRuntime.SYSCALL_NUMBERS.
    ContainerSpec.User runAs = spec.user().orElse(null);
    plan.u32(runAs == null ? 0 : (int) runAs.uid());
    plan.u32(runAs == null ? 0 : (int) runAs.gid());
    List<Long> groups = runAs == null ? List.of() : runAs.groups();
    plan.u32(groups.size());
    for (long group : groups) {
      plan.u32((int) group);
    }
    plan.bool(spec.capabilities().mode() != ContainerSpec.Capabilities.Mode.ALL);
    plan.u64(keepMask(spec, lastCapability));
    plan.u32(lastCapability);
    plan.bool(spec.noNewPrivileges());
    plan.u32(spec.seccomp().errno());
    plan.u32(spec.seccomp().numbers().size());
    for (int number : spec.seccomp().numbers()) {
      plan.u32(number);
    }
    plan.string(spec.workdir().orElse(""));
    plan.strings(spec.command());
    List<String> env = new ArrayList<>();
    for (Map.Entry<String, String> variable : spec.env().entrySet()) {
      env.add(variable.getKey() + "=" + variable.getValue());
    }
    plan.strings(env);
    boolean user = spec.has(Namespace.USER);
    plan.string(user ? idMap(spec.uidMap()) : "");
    plan.string(user ? idMap(spec.gidMap()) : "");
    plan.u32(cgroupDirectories.size());
    for (Path directory : cgroupDirectories) {
      plan.string(directory.resolve("cgroup.procs").toString());
    }
    return plan.out.toByteArray();
  }

  /** PID and USER come with the clone: the command must be pid 1, and the user namespace must own the rest. */
  static long cloneFlags(ContainerSpec spec) {
    long flags = 0;
    for (Namespace namespace : List.of(Namespace.USER, Namespace.PID)) {
      if (spec.has(namespace)) {
        flags |= namespace.cloneFlag();
      }
    }
    return flags;
  }

  /** The rest the child unshares itself (phase 12); CGROUP waits until it is in its cgroups (15). */
  static long unshareFlags(ContainerSpec spec) {
    long flags = 0;
    for (Namespace namespace : List.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET)) {
      if (spec.has(namespace)) {
        flags |= namespace.cloneFlag();
      }
    }
    return flags;
  }

  static long keepMask(ContainerSpec spec, int lastCapability) {
    long mask = 0;
    for (Capability capability : Capability.values()) {
      if (capability.number() <= lastCapability && spec.capabilities().keeps(capability)) {
        mask |= 1L << capability.number();
      }
    }
    // Capabilities newer than this list stay only when nothing was restricted.
    if (spec.capabilities().mode() == ContainerSpec.Capabilities.Mode.ALL) {
      mask = lastCapability >= 63 ? -1L : (1L << (lastCapability + 1)) - 1;
    }
    return mask;
  }

  private void mount(Mount mount) {
    MountType type = mount.type();
    boolean early = type == MountType.BIND || type == MountType.TMPFS;
    u32(early ? STAGE_FILESYSTEM : STAGE_REMOUNT);
    u32(type == MountType.BIND ? 1 : 0);
    Path source = mount.source().orElse(null);
    string(source != null ? source.toString() : type.key());
    string(mount.target());
    string(type == MountType.BIND ? "" : type.key());
    u64(flags(type));
    string(data(mount));
    bool(mount.readonly());
    bool(source != null && !Files.isDirectory(source));
  }

  private static long flags(MountType type) {
    return switch (type) {
      case BIND -> 0;
      case TMPFS -> MS_NOSUID | MS_NODEV;
      case DEVPTS -> MS_NOSUID | MS_NOEXEC;
      case PROC, SYSFS, MQUEUE -> MS_NOSUID | MS_NODEV | MS_NOEXEC;
    };
  }

  private static String data(Mount mount) {
    List<String> options = new ArrayList<>();
    if (mount.type() == MountType.DEVPTS) {
      // A new instance, so the container's ptys are its own and not the host's.
      options.add("newinstance");
      options.add("ptmxmode=0666");
      options.add("mode=0620");
    }
    options.addAll(mount.options());
    return String.join(",", options);
  }

  /** The lines of uid_map or gid_map, which the kernel takes in one write. */
  private static String idMap(List<ContainerSpec.IdMapping> map) {
    StringBuilder lines = new StringBuilder();
    for (ContainerSpec.IdMapping mapping : map) {
      lines.append(mapping).append('\n');
    }
    return lines.toString();
  }

  private void bool(boolean value) {
    u32(value ? 1 : 0);
  }

  private void u32(int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }

  private void u64(long value) {
    u32((int) value);
    u32((int) (value >>> 32));
  }

  private void string(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL character cannot reach a system call: " + value.replace('\0', '?'));
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    u32(bytes.length);
    out.writeBytes(bytes);
  }

  private void strings(List<String> values) {
    u32(values.size());
    for (String value : values) {
      string(value);
    }
  }
}
