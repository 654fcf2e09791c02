package dev.jusdt.haconiwa.probe;

import dev.jusdt.annotations.UsdtProbe;

/**
 * The boot phases of a container, numbered as in Haconiwa. Each constant is one phase of a USDT
 * probe of provider {@code haconiwa}; {@link HaconiwaProbes} (generated) fires them:
 *
 * <ul>
 *   <li>parent side: {@code probe-boottime(phase, tv_sec, tv_nsec)};
 *   <li>child side, between fork and execve: {@code probe-containergen(phase, tv_sec, tv_nsec)};
 *   <li>user hooks: {@code probe-misc(phase, value)}, the value a number or a string.
 * </ul>
 *
 * <p>The time is {@code clock_gettime(CLOCK_BOOTTIME)}, read in native code at the probe site.
 */
public final class Phases {

  /** Before the container file is read. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_CLI_START = 0;

  /** Supervisor start. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_SV = 1;

  /** Just before fork/clone. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_FORK = 2;

  /** The parent sees the child is ready. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_END_SETUP = 3;

  /** Before waiting for the child. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_WAIT = 4;

  /** After waiting for the child. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_END_WAIT = 5;

  /** Cleanup. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_CLEANUP = 6;

  /** Before network setup, before fork. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_START_CREATE_NETWORK = 31;

  /** After network setup. */
  @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
  public static final int PHASE_END_CREATE_NETWORK = 32;

  /** First thing in the child. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_START = 11;

  /** After unshare. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_NAMESPACE_GENERATED = 12;

  /** After rootfs and bind mounts. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_FILESYSTEM_SETUP = 13;

  /** After rlimits. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_RLIMIT_SETUP = 14;

  /** After joining cgroups. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_CGROUP_SETUP = 15;

  /** After proc/sys/dev mounts. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_REMOUNTED = 16;

  /** After hostname and uid/gid maps. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_UID_MAPPING_SETUP = 17;

  /** After pivot_root. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_CHROOTED = 18;

  /** After dropping capabilities. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_CAPABILITY_SETUP = 19;

  /** After seccomp. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_SECCOMP_SETUP = 20;

  /** Just before execve. */
  @UsdtProbe(provider = "haconiwa", name = "probe-containergen", args = 3)
  public static final int PHASE_CONTAINER_EXECING = 21;

  /** User hook 1 of the container file. */
  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_1 = 123;

  /** User hook 2 of the container file. */
  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_2 = 124;

  /** User hook 3 of the container file. */
  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_3 = 125;

  /** User hook 4 of the container file. */
  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_4 = 126;

  /** User hook 5 of the container file. */
  @UsdtProbe(provider = "haconiwa", name = "probe-misc", args = 2)
  public static final int PHASE_USER_5 = 127;

  private Phases() {}
}
