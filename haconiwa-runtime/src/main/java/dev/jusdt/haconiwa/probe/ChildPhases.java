package dev.jusdt.haconiwa.probe;

/**
 * The child-side phases, fired from hand-written C ({@code src/main/c/child_phases.c}) through the
 * generated header, as the code between fork and execve will fire them.
 */
final class ChildPhases {

  private ChildPhases() {}

  /** Fires phases 11 to 21 in order; crosses into native code only while a tracer is attached. */
  static void fireAll() {
    if (HaconiwaProbes.isProbeContainergenEnabled()) {
      fireAll0();
    }
  }

  private static native void fireAll0();
}
