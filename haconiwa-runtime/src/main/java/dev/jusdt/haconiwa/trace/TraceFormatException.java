package dev.jusdt.haconiwa.trace;

/** A trace that cannot be read, with the place and what is expected there. */
final class TraceFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  TraceFormatException(String source, int line, String message) {
    super(source + ", line " + line + ": " + message);
    this.line = line;
  }

  /** The 1-based line number. */
  int line() {
    return line;
  }
}
