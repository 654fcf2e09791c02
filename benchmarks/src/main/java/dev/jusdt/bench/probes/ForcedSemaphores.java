package dev.jusdt.bench.probes;

/**
 * Sets the library's semaphores from C as a tracer would, with no tracer attached: probes take
 * their enabled path while each probe site stays a nop, which prices the binding apart from the
 * uprobe trap. Never use it while a tracer is attached.
 */
public final class ForcedSemaphores {

  static {
    BenchLibrary.require();
  }

  private ForcedSemaphores() {}

  /**
   * Sets every semaphore of {@code libbench.so}.
   *
   * @param value 1 to enable every probe, 0 to disable them again
   */
  public static native void set(int value);
}
