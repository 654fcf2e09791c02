package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.config.ContainerSpec;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Runs containers and signals running ones. A boot runs on the calling thread; the container is
 * cloned by a native thread that lives as long as it does, so that its parent-death signal
 * fires only when the runtime's process dies.
 */
public final class ContainerRuntime {

  private final StateStore store;
  private final PrintStream err;
  private final boolean verbose;

  /**
   * A runtime.
   *
   * @param store where containers' states are kept
   * @param err where warnings and, if verbose, progress go
   * @param verbose whether to say when a container started and its pid
   */
  public ContainerRuntime(StateStore store, PrintStream err, boolean verbose) {
    this.store = store;
    this.err = err;
    this.verbose = verbose;
  }

  /**
   * {@link #syscallNumber} as a function, for {@link dev.jusdt.haconiwa.config.ContainerFile}. A
   * class rather than a method reference, as every function on the boot path: on JDK 17 the first
   * lambda or method reference a boot runs links the method handle machinery, interpreted (a
   * quarter of the Java time of a JDK 17 boot, by async-profiler).
   */
  public static final ToIntFunction<String> SYSCALL_NUMBERS = new SyscallNumbers();

  private static final class SyscallNumbers implements ToIntFunction<String> {
    @Override
    public int applyAsInt(String name) {
      return syscallNumber(name);
    }
  }

  /**
   * A system call's number on this machine, for {@link dev.jusdt.haconiwa.config.ContainerFile}.
   *
   * @param name e.g. {@code mkdir}
   * @return its number, or -1 if unknown here or the native library is not loaded
   */
  public static int syscallNumber(String name) {
    return Native.loaded() ? Native.syscallNumber(name) : -1;
  }

  /**
   * Ends this process at once with {@code status}, as {@code _exit(2)} does: none of the JVM's
   * own exit runs (no shutdown hook, no agent told, no safepoint, no teardown of its globals and
   * C++ objects: ~3.5 ms of a JDK 25 boot here). Only for a JVM that has nothing left to do at
   * exit: every boot cleaned up, output flushed, no agent or recording that writes at exit.
   *
   * @param status the exit status
   * @return false if the native library is not loaded, and nothing was done; else it does not
   *     return
   */
  public static boolean endProcess(int status) {
    if (!Native.loaded()) {
      return false;
    }
    Native.endProcess(status);
    return true;
  }

  /**
   * Boots a container, waits for its command to end and cleans up.
   *
   * @param spec the container
   * @return the command's exit status and notes
   * @throws RunFailure if it could not be started; everything made for it is removed again
   */
  public RunResult run(ContainerSpec spec) throws RunFailure {
    return new Boot(spec, store, err, verbose).run();
  }

  /**
   * Signals a running container, or cleans up after one whose runtime died.
   *
   * @param name the container's name
   * @param signal the signal; SIGKILL reaches every process of the container through its
   *     cgroups, others reach its pid 1 only (which ignores those it has no handler for)
   * @return what was done
   * @throws RunFailure with {@link ExitCodes#NOT_FOUND} if there is no such container or the
   *     signal could not be sent
   */
  public String kill(String name, int signal) throws RunFailure {
    Optional<ContainerState> found = store.find(name);
    if (found.isEmpty()) {
      throw new RunFailure(ExitCodes.NOT_FOUND, "no container named " + name + " in " + store.root()
          + " (haconiwa ps lists them)");
    }
    ContainerState state = found.get();
    if (!state.runtimeAlive()) {
      if (!store.sweep(state)) {
        throw new RunFailure(ExitCodes.NOT_FOUND, "container " + name + "'s runtime (pid " + state.runtimePid()
            + ") is gone, and its cgroups cannot be removed: " + state.cgroups());
      }
      return "cleaned up container " + name + ", whose runtime (pid " + state.runtimePid() + ") had died";
    }
    if (!state.containerAlive()) {
      throw new RunFailure(ExitCodes.NOT_FOUND, "container " + name + " is not running (its runtime, pid "
          + state.runtimePid() + ", is starting or stopping it)");
    }
    if (signal == Signals.KILL) {
      ContainerCgroups.killAll(state.cgroups());
    }
    int error = Native.kill((int) state.pid(), signal);
    if (error != 0 && signal != Signals.KILL) {
      throw new RunFailure(ExitCodes.NOT_FOUND, "cannot send " + Signals.name(signal) + " to container " + name
          + " (pid " + state.pid() + "): " + Native.errorText(error));
    }
    return "sent " + Signals.name(signal) + " to container " + name + " (pid " + state.pid() + ")";
  }

  /**
   * The state store.
   *
   * @return the store this runtime records containers in
   */
  public StateStore store() {
    return store;
  }
}
