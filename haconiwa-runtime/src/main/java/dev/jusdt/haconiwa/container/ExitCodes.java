package dev.jusdt.haconiwa.container;

/**
 * What {@code haconiwa}'s exit status means, after the conventions of the shell and of {@code
 * docker run}: the container's own status when its command ran, otherwise one of these.
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** {@code haconiwa kill}, {@code ps}: no such container, or it could not be signalled. */
  public static final int NOT_FOUND = 1;

  /** Wrong command-line usage (picocli's default). */
  public static final int USAGE = 2;

  /**
   * The runtime failed: a bad container file, a missing root file system, a setup step in the
   * child that failed (the message names the phase and the system call), a container of the
   * same name already running.
   */
  public static final int RUNTIME_FAILED = 125;

  /** The command exists but cannot be executed (EACCES, ENOEXEC). */
  public static final int CANNOT_EXECUTE = 126;

  /** The command does not exist in the container. */
  public static final int NOT_FOUND_COMMAND = 127;

  /** Added to a signal number when the container's command was killed by it: 137 is SIGKILL. */
  public static final int SIGNALLED = 128;

  private ExitCodes() {}
}
