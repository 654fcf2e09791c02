package dev.jusdt.haconiwa.config;

import java.util.Locale;
import java.util.Optional;

/** The resources of {@code setrlimit(2)}, numbered as Linux numbers them on x86_64 and arm64. */
public enum ResourceLimit {
  /** CPU time, seconds. */ CPU,
  /** File size, bytes. */ FSIZE,
  /** Data segment, bytes. */ DATA,
  /** Stack, bytes. */ STACK,
  /** Core file, bytes. */ CORE,
  /** Resident set (ignored by Linux). */ RSS,
  /** Processes of the user. */ NPROC,
  /** Open files. */ NOFILE,
  /** Locked memory, bytes. */ MEMLOCK,
  /** Address space, bytes. */ AS,
  /** File locks. */ LOCKS,
  /** Pending signals. */ SIGPENDING,
  /** POSIX message queue bytes. */ MSGQUEUE,
  /** Nice ceiling. */ NICE,
  /** Real-time priority ceiling. */ RTPRIO,
  /** Real-time CPU time, microseconds. */ RTTIME;

  /**
   * The resource's number, {@code RLIMIT_*}.
   *
   * @return 0 to 15
   */
  public int number() {
    return ordinal();
  }

  /**
   * The name used in container files.
   *
   * @return e.g. {@code nofile}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a resource up by its name in a container file.
   *
   * @param key e.g. {@code nofile}, in any case, with or without {@code RLIMIT_}
   * @return the resource, or empty
   */
  public static Optional<ResourceLimit> named(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("RLIMIT_") ? upper.substring(7) : upper;
    for (ResourceLimit limit : values()) {
      if (limit.name().equals(bare)) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }
}
