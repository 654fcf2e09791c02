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
    return new Self(pid, startTicksOf(stat).orElse(0));
  }

  /** The process's start time in clock ticks since boot (field 22), or empty if it is gone. */
  static OptionalLong startTicks(long pid) {
    String stat = stat(pid);
    return stat == null ? OptionalLong.empty() : startTicksOf(stat);
  }

  private static OptionalLong startTicksOf(String stat) {
    String field = fieldAfterName(stat, START_TIME);
    return field == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(field));
  }

  /** Whether the process exists and has not exited (a zombie has exited). */
  static boolean isLive(long pid) {
    String stat = stat(pid);
    String state = stat == null ? null : fieldAfterName(stat, STATE);
    return state != null && !state.equals("Z") && !state.equals("X");
  }

  /** Whether pid is still the process that started at startTicks, and alive. */
  static boolean isSame(long pid, long startTicks) {
    OptionalLong start = startTicks(pid);
    return start.isPresent() && start.getAsLong() == startTicks && isLive(pid);
  }

  private static String stat(long pid) {
    if (pid <= 0) {
      return null;
    }
    try {
      return KernelFiles.read(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Fields after {@code (comm)}, counted from 0: the state, and the start time (stat's 22nd). */
  private static final int STATE = 0;

  private static final int START_TIME = 19;

  /**
   * One field after {@code (comm)}, found by counting spaces rather than splitting all 50 (twice
   * a boot, interpreted), or null if the line is shorter.
   */
  private static String fieldAfterName(String stat, int index) {
    int from = stat.lastIndexOf(')') + 2;
    for (int i = 0; i < index && from > 0; i++) {
      from = stat.indexOf(' ', from) + 1;
    }
    if (from <= 0 || from > stat.length()) {
      return null;
    }
    int to = stat.indexOf(' ', from);
    String field = (to < 0 ? stat.substring(from) : stat.substring(from, to)).trim();
    return field.isEmpty() ? null : field;
  }
}
