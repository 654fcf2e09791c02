package dev.jusdt.haconiwa.config;

import java.util.Locale;
import java.util.Optional;

/** The Linux capabilities, numbered as in {@code <linux/capability.h>}. */
public enum Capability {
  /** 0. */ CHOWN,
  /** 1. */ DAC_OVERRIDE,
  /** 2. */ DAC_READ_SEARCH,
  /** 3. */ FOWNER,
  /** 4. */ FSETID,
  /** 5. */ KILL,
  /** 6. */ SETGID,
  /** 7. */ SETUID,
  /** 8. */ SETPCAP,
  /** 9. */ LINUX_IMMUTABLE,
  /** 10. */ NET_BIND_SERVICE,
  /** 11. */ NET_BROADCAST,
  /** 12. */ NET_ADMIN,
  /** 13. */ NET_RAW,
  /** 14. */ IPC_LOCK,
  /** 15. */ IPC_OWNER,
  /** 16. */ SYS_MODULE,
  /** 17. */ SYS_RAWIO,
  /** 18. */ SYS_CHROOT,
  /** 19. */ SYS_PTRACE,
  /** 20. */ SYS_PACCT,
  /** 21. */ SYS_ADMIN,
  /** 22. */ SYS_BOOT,
  /** 23. */ SYS_NICE,
  /** 24. */ SYS_RESOURCE,
  /** 25. */ SYS_TIME,
  /** 26. */ SYS_TTY_CONFIG,
  /** 27. */ MKNOD,
  /** 28. */ LEASE,
  /** 29. */ AUDIT_WRITE,
  /** 30. */ AUDIT_CONTROL,
  /** 31. */ SETFCAP,
  /** 32. */ MAC_OVERRIDE,
  /** 33. */ MAC_ADMIN,
  /** 34. */ SYSLOG,
  /** 35. */ WAKE_ALARM,
  /** 36. */ BLOCK_SUSPEND,
  /** 37. */ AUDIT_READ,
  /** 38. */ PERFMON,
  /** 39. */ BPF,
  /** 40. */ CHECKPOINT_RESTORE;

  /**
   * The capability's number, its bit in the capability sets.
   *
   * @return 0 to 40
   */
  public int number() {
    return ordinal();
  }

  /**
   * Looks a capability up by name, in any case, with or without {@code CAP_}.
   *
   * @param name e.g. {@code sys_admin} or {@code CAP_SYS_ADMIN}
   * @return the capability, or empty if there is none of that name
   */
  public static Optional<Capability> named(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
    for (Capability capability : values()) {
      if (capability.name().equals(bare)) {
        return Optional.of(capability);
      }
    }
    return Optional.empty();
  }
}
