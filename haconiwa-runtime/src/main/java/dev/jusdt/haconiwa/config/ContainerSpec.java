package dev.jusdt.haconiwa.config;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A container as a container file declares it, checked: every value is in range and every
 * combination makes sense (a hostname has a UTS namespace, a user namespace has id maps). {@link
 * ContainerFile#read} makes one.
 *
 * @param name the container's name, unique among running containers
 * @param hostname the host name inside, if set
 * @param rootfs the root file system
 * @param namespaces the namespaces the container gets its own of
 * @param uidMap with a user namespace: inside, outside, count
 * @param gidMap with a user namespace: inside, outside, count
 * @param mounts bind and special mounts, in file order
 * @param cgroup cgroup limits
 * @param rlimits resource limits
 * @param capabilities which capabilities the command keeps
 * @param seccomp system calls the command may not make
 * @param user the user the command runs as, if not root
 * @param noNewPrivileges whether set-user-id and file capabilities are ignored from execve on
 * @param env the command's environment, in file order
 * @param workdir the command's working directory inside the container, if not {@code /}
 * @param command the command and its arguments
 * @param hooks probes the runtime fires at points of its own
 * @param file where this came from
 */
public record ContainerSpec(
    String name,
    Optional<String> hostname,
    Rootfs rootfs,
    Set<Namespace> namespaces,
    List<IdMapping> uidMap,
    List<IdMapping> gidMap,
    List<Mount> mounts,
    Cgroup cgroup,
    List<Rlimit> rlimits,
    Capabilities capabilities,
    Seccomp seccomp,
    Optional<User> user,
    boolean noNewPrivileges,
    Map<String, String> env,
    Optional<String> workdir,
    List<String> command,
    List<Hook> hooks,
    Path file) {

  /**
   * Copies every collection, so a spec never changes.
   *
   * @param name see the record's name
   * @param hostname see the record's hostname
   * @param rootfs see the record's rootfs
   * @param namespaces see the record's namespaces
   * @param uidMap see the record's uidMap
   * @param gidMap see the record's gidMap
   * @param mounts see the record's mounts
   * @param cgroup see the record's cgroup
   * @param rlimits see the record's rlimits
   * @param capabilities see the record's capabilities
   * @param seccomp see the record's seccomp
   * @param user see the record's user
   * @param noNewPrivileges see the record's noNewPrivileges
   * @param env see the record's env
   * @param workdir see the record's workdir
   * @param command see the record's command
   * @param hooks see the record's hooks
   * @param file see the record's file
   */
  public ContainerSpec {
    // Set.copyOf alone: an EnumSet on the way would look the enum's constants up by reflection.
    namespaces = Set.copyOf(namespaces);
    uidMap = List.copyOf(uidMap);
    gidMap = List.copyOf(gidMap);
    mounts = List.copyOf(mounts);
    rlimits = List.copyOf(rlimits);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    command = List.copyOf(command);
    hooks = List.copyOf(hooks);
  }

  /**
   * Whether the container gets its own namespace of this kind.
   *
   * @param namespace the kind
   * @return true if listed under {@code namespaces}
   */
  public boolean has(Namespace namespace) {
    return namespaces.contains(namespace);
  }

  /**
   * This spec under another name ({@code haconiwa run --name}).
   *
   * @param newName a valid container name
   * @return the copy
   */
  public ContainerSpec withName(String newName) {
    return new ContainerSpec(newName, hostname, rootfs, namespaces, uidMap, gidMap, mounts, cgroup,
        rlimits, capabilities, seccomp, user, noNewPrivileges, env, workdir, command, hooks, file);
  }

  /**
   * This spec with another command ({@code haconiwa run FILE -- COMMAND...}).
   *
   * @param newCommand the command and its arguments, not empty
   * @return the copy
   */
  public ContainerSpec withCommand(List<String> newCommand) {
    return new ContainerSpec(name, hostname, rootfs, namespaces, uidMap, gidMap, mounts, cgroup,
        rlimits, capabilities, seccomp, user, noNewPrivileges, env, workdir, newCommand, hooks,
        file);
  }

  /** How the container's root becomes {@code /}. */
  public enum RootMode {
    /** {@code pivot_root(2)}: the host's root is detached and unreachable. The default. */
    PIVOT_ROOT,
    /** {@code chroot(2)}: for roots that cannot be pivoted (an initramfs); escapable by root. */
    CHROOT
  }

  /**
   * The root file system.
   *
   * @param path an existing directory on the host
   * @param mode pivot_root or chroot
   * @param readonly whether {@code /} is remounted read-only inside
   */
  public record Rootfs(Path path, RootMode mode, boolean readonly) {}

  /**
   * One line of {@code /proc/PID/uid_map} or {@code gid_map}.
   *
   * @param inside the first id inside the container
   * @param outside the first id on the host
   * @param count how many ids in a row
   */
  public record IdMapping(long inside, long outside, long count) {

    /**
     * The line as the kernel reads it.
     *
     * @return {@code inside outside count}
     */
    @Override
    public String toString() {
      return inside + " " + outside + " " + count;
    }
  }

  /** The kinds of mount. */
  public enum MountType {
    /** A host file or directory. */
    BIND,
    /** A {@code proc} file system (phase 16). */
    PROC,
    /** A {@code sysfs} (phase 16). */
    SYSFS,
    /** A {@code tmpfs} (phase 13). */
    TMPFS,
    /** A new {@code devpts} instance (phase 16). */
    DEVPTS,
    /** A POSIX message queue file system (phase 16). */
    MQUEUE;

    /**
     * The name used in container files and as the file system type.
     *
     * @return e.g. {@code proc}
     */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A mount inside the container.
   *
   * @param type bind, proc, sysfs, tmpfs, devpts or mqueue
   * @param source for bind: the host path
   * @param target the mount point inside the container, absolute
   * @param readonly whether it is mounted read-only
   * @param options file system options ({@code size=16m}), for the kinds that take them
   */
  public record Mount(
      MountType type, Optional<Path> source, String target, boolean readonly, List<String> options) {

    /**
     * Copies the options.
     *
     * @param type see the record's type
     * @param source see the record's source
     * @param target see the record's target
     * @param readonly see the record's readonly
     * @param options see the record's options
     */
    public Mount {
      options = List.copyOf(options);
    }
  }

  /**
   * cgroup settings.
   *
   * @param parent the cgroup under which each container gets its own, in every hierarchy
   * @param memoryBytes memory limit
   * @param pids limit on processes and threads
   * @param cpuShares relative CPU weight (v1 {@code cpu.shares}, 2 to 262144)
   * @param cpuQuotaMicros CPU time per period
   * @param cpuPeriodMicros the period of the quota
   */
  public record Cgroup(
      String parent,
      OptionalLong memoryBytes,
      OptionalLong pids,
      OptionalLong cpuShares,
      OptionalLong cpuQuotaMicros,
      OptionalLong cpuPeriodMicros) {

    /**
     * No limits, under {@code haconiwa}.
     *
     * @return the default
     */
    public static Cgroup unlimited() {
      return new Cgroup("haconiwa", OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * Whether any CPU setting is made.
     *
     * @return true if shares, quota or period is set
     */
    public boolean limitsCpu() {
      return cpuShares.isPresent() || cpuQuotaMicros.isPresent() || cpuPeriodMicros.isPresent();
    }
  }

  /**
   * A resource limit.
   *
   * @param resource which
   * @param soft the soft limit, {@link #UNLIMITED} for none
   * @param hard the hard limit, {@link #UNLIMITED} for none
   */
  public record Rlimit(ResourceLimit resource, long soft, long hard) {
    /** {@code RLIM_INFINITY}. */
    public static final long UNLIMITED = -1L;
  }

  /**
   * Which capabilities the command keeps.
   *
   * @param mode keep all, drop the listed ones, or keep only the listed ones
   * @param listed the listed capabilities
   */
  public record Capabilities(Mode mode, Set<Capability> listed) {

    /**
     * Copies the set.
     *
     * @param mode see the record's mode
     * @param listed see the record's listed
     */
    public Capabilities {
      listed = Set.copyOf(listed);
    }

    /** How the list is read. */
    public enum Mode {
      /** No list: root keeps every capability. */
      ALL,
      /** {@code drop:} the listed ones go, the rest stay. */
      DROP,
      /** {@code allow:} only the listed ones stay. */
      ALLOW
    }

    /**
     * Whether the command keeps a capability.
     *
     * @param capability the capability
     * @return true if kept
     */
    public boolean keeps(Capability capability) {
      return switch (mode) {
        case ALL -> true;
        case DROP -> !listed.contains(capability);
        case ALLOW -> listed.contains(capability);
      };
    }
  }

  /**
   * The seccomp deny list.
   *
   * @param deny the system calls, by name, as written
   * @param numbers their numbers on this machine, in the same order
   * @param errno what a denied call returns
   */
  public record Seccomp(List<String> deny, List<Integer> numbers, int errno) {

    /**
     * Copies the lists.
     *
     * @param deny see the record's deny
     * @param numbers see the record's numbers
     * @param errno see the record's errno
     */
    public Seccomp {
      deny = List.copyOf(deny);
      numbers = List.copyOf(numbers);
    }

    /**
     * No filter.
     *
     * @return an empty deny list
     */
    public static Seccomp none() {
      return new Seccomp(List.of(), List.of(), 1);
    }
  }

  /**
   * The user the command runs as.
   *
   * @param uid user id inside the container
   * @param gid group id inside the container
   * @param groups supplementary groups
   */
  public record User(long uid, long gid, List<Long> groups) {

    /**
     * Copies the groups.
     *
     * @param uid see the record's uid
     * @param gid see the record's gid
     * @param groups see the record's groups
     */
    public User {
      groups = List.copyOf(groups);
    }
  }

  /** The points of a boot where hooks fire, after Haconiwa's hook names. */
  public enum HookPoint {
    /** After cgroups are made, before the network and fork phases. */
    BEFORE_FORK,
    /** After the child is cloned, before it is let go. */
    AFTER_FORK,
    /** After the command started, before waiting for it. */
    BEFORE_START_WAIT,
    /** After the command ended, before cleanup. */
    TEARDOWN,
    /** When the container could not be started. */
    AFTER_FAILURE;

    /**
     * The name used in container files.
     *
     * @return e.g. {@code before_fork}
     */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A hook: fires {@code haconiwa:probe-misc(phase, value)} and may run a host command.
   *
   * @param at when
   * @param phase 123 to 127 ({@code PHASE_USER_1} to {@code PHASE_USER_5})
   * @param text the value, if a text
   * @param number the value, if a number; with neither, the container's pid (0 before fork)
   * @param run a host command to run there, if any, with {@code HACONIWA_NAME} and {@code
   *     HACONIWA_PID} in its environment
   */
  public record Hook(
      HookPoint at, int phase, Optional<String> text, OptionalLong number, List<String> run) {

    /**
     * Copies the command.
     *
     * @param at see the record's at
     * @param phase see the record's phase
     * @param text see the record's text
     * @param number see the record's number
     * @param run see the record's run
     */
    public Hook {
      run = List.copyOf(run);
    }
  }
}
