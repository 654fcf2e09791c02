package dev.jusdt.haconiwa.container;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code haconiwa ps} and {@code kill} know about a container: written by its runtime to
 * {@code STATE_DIR/NAME/state}, removed by the runtime's cleanup (or by its guardian, or by the
 * next {@code run} or {@code kill} of that name if both died).
 *
 * @param name the container's name
 * @param runtimePid the runtime's pid
 * @param runtimeStart the runtime's start time in clock ticks, to tell it from a reused pid
 * @param pid the container's pid on the host, 0 before it is cloned
 * @param pidStart the container's start time in clock ticks
 * @param started when the runtime started it
 * @param command the command
 * @param cgroups the container's cgroup directories
 * @param file the container file
 */
public record ContainerState(
    String name,
    long runtimePid,
    long runtimeStart,
    long pid,
    long pidStart,
    Instant started,
    List<String> command,
    List<Path> cgroups,
    Path file) {

  /**
   * Copies the lists.
   *
   * @param name see the record's name
   * @param runtimePid see the record's runtimePid
   * @param runtimeStart see the record's runtimeStart
   * @param pid see the record's pid
   * @param pidStart see the record's pidStart
   * @param started see the record's started
   * @param command see the record's command
   * @param cgroups see the record's cgroups
   * @param file see the record's file
   */
  public ContainerState {
    command = List.copyOf(command);
    cgroups = List.copyOf(cgroups);
  }

  /**
   * Whether the runtime that wrote this is still running; if not, the state is stale and the
   * next {@code run} or {@code kill} of the name cleans up after it.
   *
   * @return true if the runtime's pid is alive with the recorded start time
   */
  public boolean runtimeAlive() {
    return ProcessInfo.isSame(runtimePid, runtimeStart);
  }

  /**
   * Whether the container's process is still running.
   *
   * @return true if its pid is alive with the recorded start time
   */
  public boolean containerAlive() {
    return pid > 0 && ProcessInfo.isSame(pid, pidStart);
  }

  ContainerState withPid(long newPid, long newPidStart) {
    return new ContainerState(name, runtimePid, runtimeStart, newPid, newPidStart, started, command, cgroups, file);
  }
}
