package dev.jusdt.haconiwa.config;

import java.util.Locale;

/** A Linux namespace a container can have its own of, with its {@code CLONE_NEW*} flag. */
public enum Namespace {
  /** Mounts: needed for a root file system and for mounts. */
  MOUNT(0x00020000L),
  /** Host and domain name: needed for {@code hostname}. */
  UTS(0x04000000L),
  /** System V IPC and POSIX message queues. */
  IPC(0x08000000L),
  /** Process ids: the command is pid 1. */
  PID(0x20000000L),
  /** Network devices, addresses, routes: the container sees only its own loopback. */
  NET(0x40000000L),
  /** User and group ids, mapped by {@code uid_map} and {@code gid_map}. */
  USER(0x10000000L),
  /** The cgroup tree: the container sees its own cgroups as the root. */
  CGROUP(0x02000000L);

  private final long cloneFlag;

  Namespace(long cloneFlag) {
    this.cloneFlag = cloneFlag;
  }

  /**
   * The flag of {@code clone(2)} and {@code unshare(2)}.
   *
   * @return {@code CLONE_NEWNS}, {@code CLONE_NEWUTS}, ...
   */
  public long cloneFlag() {
    return cloneFlag;
  }

  /**
   * The name used in container files.
   *
   * @return e.g. {@code mount}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
