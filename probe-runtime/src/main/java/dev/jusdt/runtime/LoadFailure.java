package dev.jusdt.runtime;

/**
 * Why a library was not loaded, worded for the person who reads the one warning: what happened and
 * what to do. The cause is the last failure, earlier ones attached to it as suppressed.
 */
final class LoadFailure extends Exception {

  private static final long serialVersionUID = 1L;

  LoadFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
