package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What {@code /proc/PID/stat} says about a process: enough to tell it from a reused pid. */
final class ProcessInfo {

  private ProcessInfo() {}

  /** This process: its pid and its start time in clock ticks since boot (0 if not told). */
  record Self(long pid, long startTicks) {}

  /**
   * This process, from one read of {@code /proc/self/stat}: {@code ProcessHandle.current()} would
   * initialise the JDK's process machinery, ~3 ms of a container boot.
   */
  static Self self() throws IOException {
    String stat = KernelFiles.read(Path.of("/proc/self/stat"));
    long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
    return new Self(pid, startTicks(fieldsAfterName(stat)).orElse(0));
  }

  /** The process's start time in clock ticks since boot (field 22), or empty if it is gone. */
  static OptionalLong startTicks(long pid) {
    return startTicks(fieldsAfterName(pid));
  }

  private static OptionalLong startTicks(String[] fields) {
    return fields == null || fields.length < 20 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[19]));
  }

  /** Whether the process exists and has not exited (a zombie has exited). */
  static boolean isLive(long pid) {
    String[] fields = fieldsAfterName(pid);
    return fields != null && fields.length > 0 && !fields[0].equals("Z") && !fields[0].equals("X");
  }

  /** Whether pid is still the process that started at startTicks, and alive. */
  static boolean isSame(long pid, long startTicks) {
    OptionalLong start = startTicks(pid);
    return start.isPresent() && start.getAsLong() == startTicks && isLive(pid);
  }

  /** The fields after {@code (comm)}: state is first. */
  private static String[] fieldsAfterName(long pid) {
    if (pid <= 0) {
      return null;
    }
    try {
      return fieldsAfterName(KernelFiles.read(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String[] fieldsAfterName(String stat) {
    int close = stat.lastIndexOf(')');
    return stat.substring(close + 2).trim().split(" ");
  }
}
