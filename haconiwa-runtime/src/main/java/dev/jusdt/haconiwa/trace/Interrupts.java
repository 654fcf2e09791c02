package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a callback for as long as a live trace runs, so that it
 * can stop bpftrace, print its summary and return an exit status instead of the JVM dying
 * half-way. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to do
 * that; a shutdown hook cannot choose the exit status. A signal the JVM started with ignored
 * (a background job of a non-interactive shell) stays ignored: the JVM refuses to handle it.
 */
final class Interrupts implements AutoCloseable {

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  Interrupts(Runnable onSignal) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal signal = new Signal(name);
      try {
        previous.add(Signal.handle(signal, s -> onSignal.run()));
        signals.add(signal);
      } catch (IllegalArgumentException e) {
        // -Xrs or a platform without the signal: the shutdown hook still stops bpftrace.
      }
    }
  }

  /** Puts the previous handlers back. */
  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
