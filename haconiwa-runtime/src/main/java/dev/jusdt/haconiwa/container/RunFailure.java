package dev.jusdt.haconiwa.container;

/**
 * A container that could not be started or run to its end, with the exit status the runtime
 * should end with and a message saying what happened and what to do.
 */
public final class RunFailure extends Exception {

  /** The serialization version. */
  private static final long serialVersionUID = 1L;

  /** The exit status the runtime should end with. */
  private final int exitCode;

  /**
   * Creates a failure.
   *
   * @param exitCode the runtime's exit status: {@link ExitCodes}
   * @param message what happened and what to do
   */
  public RunFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * Creates a failure with a cause.
   *
   * @param exitCode the runtime's exit status
   * @param message what happened and what to do
   * @param cause the underlying error
   */
  public RunFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * The exit status the runtime should end with.
   *
   * @return one of {@link ExitCodes}
   */
  public int exitCode() {
    return exitCode;
  }
}
