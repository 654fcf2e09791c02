package dev.jusdt.haconiwa.trace;

/**
 * One probe firing.
 *
 * @param probe the probe that fired
 * @param pid the process (thread group) id, in the root pid namespace
 * @param ppid the parent's process id, or {@link #UNKNOWN_PID} when the trace does not say
 * @param comm the process name; {@code <...>} when the tracer could not tell
 * @param phase the first probe argument
 * @param nanos the {@code CLOCK_BOOTTIME} time of the firing in nanoseconds: the probe's own
 *     {@code (tv_sec, tv_nsec)}, or for {@code probe-misc}, which has none, the tracer's clock
 *     moved to {@code CLOCK_BOOTTIME}
 * @param number the {@code probe-misc} value when it is a number, else null
 * @param text the {@code probe-misc} value when it is a string, else null
 * @param line the line of the trace it was read from, 0 for none
 */
record TraceEvent(
    Probe probe,
    int pid,
    int ppid,
    String comm,
    int phase,
    long nanos,
    Long number,
    String text,
    int line) {

  /** The parent process is not known. */
  static final int UNKNOWN_PID = -1;

  /** The comm bcc prints when it has lost a process's name. */
  static final String LOST_COMM = "<...>";

  static TraceEvent timed(Probe probe, int pid, int ppid, String comm, int phase, long nanos) {
    return new TraceEvent(probe, pid, ppid, comm, phase, nanos, null, null, 0);
  }

  TraceEvent atLine(int number) {
    return new TraceEvent(probe, pid, ppid, comm, phase, nanos, this.number, text, number);
  }

  TraceEvent withComm(String name) {
    return new TraceEvent(probe, pid, ppid, name, phase, nanos, number, text, line);
  }

  /** The value of a {@code probe-misc} firing as text, or empty. */
  String valueText() {
    if (number != null) {
      return Long.toString(number);
    }
    return text == null ? "" : '"' + text + '"';
  }
}
