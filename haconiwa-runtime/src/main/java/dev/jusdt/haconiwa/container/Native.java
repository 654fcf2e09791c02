package dev.jusdt.haconiwa.container;

import dev.jusdt.runtime.ProbeLibrary;
import java.io.IOException;

/**
 * The system calls of a container boot that Java has no API for, in {@code libhaconiwa.so}
 * ({@code src/main/c/native_jni.c}), the same library that holds the probes.
 */
final class Native {

  private static final boolean LOADED = ProbeLibrary.load("haconiwa", Native.class);

  private Native() {}

  /** Whether the library is loaded; without it no container can start. */
  static boolean loaded() {
    return LOADED;
  }

  /**
   * Readies a clone of the container child: reads the plan, makes its pipes and starts the thread
   * that will clone it, which waits. Everything that is not the clone itself happens here, before
   * phase 2 (START_FORK).
   *
   * @return a handle for exactly one {@link #startSpawn} or {@link #cancelSpawn}
   * @throws IOException if a pipe or the thread cannot be made
   * @throws IllegalStateException if the plan is malformed
   */
  static native long prepareSpawn(byte[] plan) throws IOException;

  /**
   * Clones the container child a {@link #prepareSpawn} readied, which follows the plan up to
   * execve; writes its id maps and moves it into its cgroups while it waits before phase 13.
   *
   * @param release whether to let the child go on at once; if false, one byte on the returned
   *     control pipe does it (after the after_fork hooks)
   * @return the child's pid, the read end of its status pipe (end of file once it exec'd, or a
   *     failure record), and the write end of its control pipe, or -1 if released
   * @throws IOException if clone, a map or a cgroup write failed; the child is then reaped
   */
  static native int[] startSpawn(long prepared, boolean release) throws IOException;

  /** Gives up a {@link #prepareSpawn} that will not start: its thread ends without a clone. */
  static native void cancelSpawn(long prepared);

  /**
   * Starts the guardian, which cleans up after the runtime if the runtime dies first.
   *
   * @return the guardian's pid, the write end of its pipe, and the address and size of the
   *     mapping it runs in, for {@link #releaseGuardian} once it is reaped
   */
  static native long[] startGuardian(String[] cgroupDirectories, String stateFile, String stateDirectory)
      throws IOException;

  /** Unmaps a reaped guardian's stack and paths; never while it may still run. */
  static native void releaseGuardian(long area, long size);

  /** Reads a pipe to its end (at most 64 KiB). */
  static native byte[] readAll(int fd) throws IOException;

  static native void writeByte(int fd, int value) throws IOException;

  static native void close(int fd) throws IOException;

  /** {@code _exit(2)}: never returns. */
  static native void endProcess(int status);

  /** Waits for a child and returns its raw wait status. */
  static native int waitpid(int pid) throws IOException;

  /** Sends a signal; returns 0 or the errno. */
  static native int kill(int pid, int signal);

  /** A system call's number on this machine, or -1. */
  static native int syscallNumber(String name);

  /** {@code ENOENT} for 2. */
  static native String errorName(int errno);

  /** {@code No such file or directory} for 2. */
  static native String errorText(int errno);
}
