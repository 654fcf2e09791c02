package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.config.ContainerSpec;
import dev.jusdt.haconiwa.config.ContainerSpec.HookPoint;
import dev.jusdt.haconiwa.config.Namespace;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import dev.jusdt.haconiwa.probe.Phases;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One container boot, from supervisor start to cleanup, firing the parent-side phases at the
 * points Haconiwa fires them: 1 START_SV, 31/32 around the network, 2 START_FORK, 3 END_SETUP
 * when the child has exec'd, 4/5 around waiting, 6 CLEANUP. (0 CLI_START is the CLI's.)
 *
 * <p>Whatever happens after the name is claimed, cleanup runs: leftover processes are killed,
 * the cgroups removed, the state deleted, the guardian dismissed. If this JVM is killed before
 * it can, the guardian does the same; if a signal ends it, a shutdown hook kills the container
 * and waits for this cleanup.
 */
final class Boot {

  private final ContainerSpec spec;
  private final StateStore store;
  private final PrintStream err;
  private final boolean verbose;
  private final Hooks hooks;
  private final CountDownLatch finished = new CountDownLatch(1);

  private ContainerCgroups cgroups;
  private Guardian guardian;
  private volatile int pid;
  private volatile boolean reaped;
  private volatile boolean stopping;
  private int statusFd = -1;
  private Thread shutdownHook;

  Boot(ContainerSpec spec, StateStore store, PrintStream err, boolean verbose) {
    this.spec = spec;
    this.store = store;
    this.err = err;
    this.verbose = verbose;
    this.hooks = new Hooks(spec, err);
  }

  RunResult run() throws RunFailure {
    if (!Native.loaded()) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "libhaconiwa.so could not be loaded (the warning above says why);"
          + " without it no container can start");
    }
    if (spec.command().isEmpty()) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "no command: add command: to " + spec.file()
          + " or give one after --, e.g. haconiwa run " + spec.file().getFileName() + " -- /bin/sh");
    }
    Path rootfs = realRootfs();
    int lastCapability = lastCapability();
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_SV);
    claimName();
    boolean started = false;
    try {
      ProcessInfo.Self self = self();
      ContainerState state = new ContainerState(spec.name(), self.pid(), self.startTicks(),
          0, 0, Instant.now(), spec.command(), List.of(), spec.file());
      write(state);
      cgroups = ContainerCgroups.create(layout(), spec.name(), spec.cgroup());
      state = new ContainerState(state.name(), state.runtimePid(), state.runtimeStart(), 0, 0,
          state.started(), state.command(), cgroups.directories(), state.file());
      write(state);
      byte[] plan = plan(rootfs, lastCapability);
      startGuardian();
      installShutdownHook();
      hooks.fire(HookPoint.BEFORE_FORK, 0);
      HaconiwaProbes.probeBoottime(Phases.PHASE_START_CREATE_NETWORK);
      // The network is the container's own loopback, brought up by the child (phase 12); a
      // bridged network would be set up here, before fork, as Haconiwa does.
      HaconiwaProbes.probeBoottime(Phases.PHASE_END_CREATE_NETWORK);
      boolean hooksAfterFork = false;
      for (ContainerSpec.Hook hook : spec.hooks()) {
        hooksAfterFork |= hook.at() == HookPoint.AFTER_FORK;
      }
      long prepared = prepareSpawn(plan);
      if (stopping) {
        Native.cancelSpawn(prepared);
        throw new RunFailure(ExitCodes.RUNTIME_FAILED, "stopped by a signal before the container started");
      }
      HaconiwaProbes.probeBoottime(Phases.PHASE_START_FORK);
      int[] child = startSpawn(prepared, !hooksAfterFork);
      pid = child[0];
      statusFd = child[1];
      if (hooksAfterFork) {
        release(child[2]);
      }
      // The pid is recorded once the child has exec'd, not while it sets up: on two CPUs this
      // thread's Java file writes would take the CPU the child needs between fork and exec.
      awaitExec();
      write(state.withPid(pid, ProcessInfo.startTicks(pid).orElse(0)));
      HaconiwaProbes.probeBoottime(Phases.PHASE_END_SETUP);
      started = true;
      if (verbose) {
        err.println("haconiwa: container " + spec.name() + " started, pid " + pid);
      }
      hooks.fire(HookPoint.BEFORE_START_WAIT, pid);
      HaconiwaProbes.probeBoottime(Phases.PHASE_START_WAIT);
      int status = waitForChild();
      HaconiwaProbes.probeBoottime(Phases.PHASE_END_WAIT);
      RunResult result = outcome(status);
      hooks.fire(HookPoint.TEARDOWN, pid);
      return result;
    } catch (RunFailure e) {
      if (!started) {
        fireFailureHooks();
      }
      throw e;
    } finally {
      HaconiwaProbes.probeBoottime(Phases.PHASE_CLEANUP);
      cleanup();
    }
  }

  private Path realRootfs() throws RunFailure {
    Path path = spec.rootfs().path();
    if (!Files.isDirectory(path)) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "rootfs " + path + " is not a directory (rootfs in "
          + spec.file() + "); create it, e.g. with busybox --install, or fix the path");
    }
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "rootfs " + path + ": " + e.getMessage(), e);
    }
  }

  private static int lastCapability() {
    try {
      return Integer.parseInt(KernelFiles.read(Path.of("/proc/sys/kernel/cap_last_cap")).trim());
    } catch (IOException | NumberFormatException e) {
      return 40; // CAP_CHECKPOINT_RESTORE, the last one Linux 5.9 to 6.x know
    }
  }

  private byte[] plan(Path rootfs, int lastCapability) throws RunFailure {
    try {
      return ChildPlan.of(spec, rootfs, lastCapability, cgroups.directories());
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, e.getMessage(), e);
    }
  }

  private static CgroupLayout layout() throws RunFailure {
    try {
      return CgroupLayout.current();
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
  }

  /** Takes the name, after cleaning up behind a runtime of that name that died. */
  private void claimName() throws RunFailure {
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (store.claim(spec.name())) {
          return;
        }
        var existing = store.find(spec.name());
        if (existing.isPresent() && existing.get().runtimeAlive()) {
          throw new RunFailure(ExitCodes.RUNTIME_FAILED, "a container named " + spec.name()
              + " is running (runtime pid " + existing.get().runtimePid() + "); stop it with haconiwa kill "
              + spec.name() + ", or start this one with --name");
        }
        if (existing.isPresent()) {
          err.println("haconiwa: cleaning up after container " + spec.name() + ", whose runtime (pid "
              + existing.get().runtimePid() + ") died");
          if (!store.sweep(existing.get())) {
            throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot remove the cgroups of the earlier container "
                + spec.name() + ": " + existing.get().cgroups());
          }
        } else {
          // Claimed but never written: its runtime died at once, or is writing it right now.
          Thread.sleep(100);
          if (store.find(spec.name()).isEmpty()) {
            store.delete(spec.name());
          }
        }
      }
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot create the state directory " + store.root()
          + ": " + e.getMessage() + "; run as root or set HACONIWA_STATE_DIR", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot claim the name " + spec.name() + " in " + store.root());
  }

  private ProcessInfo.Self self() throws RunFailure {
    try {
      return ProcessInfo.self();
    } catch (IOException | RuntimeException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot read /proc/self/stat: " + e.getMessage(), e);
    }
  }

  private void write(ContainerState state) throws RunFailure {
    try {
      store.write(state);
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot write the state of " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  private void startGuardian() throws RunFailure {
    try {
      guardian = Guardian.start(cgroups.directories(), store.file(spec.name()), store.directory(spec.name()));
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot start the guardian: " + e.getMessage(), e);
    }
  }

  /** Everything of the clone but the clone: the plan read in C, the pipes, the spawner thread. */
  private long prepareSpawn(byte[] plan) throws RunFailure {
    try {
      return Native.prepareSpawn(plan);
    } catch (IOException | IllegalStateException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot start container " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  private int[] startSpawn(long prepared, boolean release) throws RunFailure {
    try {
      return Native.startSpawn(prepared, release);
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "cannot start container " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /** Runs the after_fork hooks while the child waits in its cgroups, then lets it go on. */
  private void release(int controlFd) throws RunFailure {
    try {
      hooks.fire(HookPoint.AFTER_FORK, pid);
      Native.writeByte(controlFd, 'G');
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "releasing container " + spec.name() + " (pid " + pid
          + "): " + e.getMessage(), e);
    } finally {
      try {
        Native.close(controlFd);
      } catch (IOException e) {
        // the descriptor is released either way; the child sees the end of the pipe
      }
    }
  }

  /** End of file: the child exec'd. A record: a setup step failed, and the child exits. */
  private void awaitExec() throws RunFailure {
    byte[] report;
    try {
      report = Native.readAll(statusFd);
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "reading from container " + spec.name() + ": " + e.getMessage(), e);
    } finally {
      closeStatus();
    }
    var failure = ChildFailure.parse(report);
    if (failure.isPresent()) {
      waitForChild();
      throw new RunFailure(failure.get().exitCode(), "container " + spec.name() + " did not start: "
          + failure.get().describe());
    }
  }

  private int waitForChild() throws RunFailure {
    try {
      int status = Native.waitpid(pid);
      reaped = true;
      return status;
    } catch (IOException e) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, "waiting for container " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /** The container's own exit status, or 128 + the signal that killed it, with what the limits saw. */
  private RunResult outcome(int status) {
    List<String> notes = new ArrayList<>();
    int signal = status & 0x7f;
    int exitCode;
    if (signal == 0) {
      exitCode = (status >> 8) & 0xff;
    } else {
      exitCode = ExitCodes.SIGNALLED + signal;
      String note = "container " + spec.name() + " was killed by " + Signals.name(signal)
          + ((status & 0x80) != 0 ? " (core dumped)" : "");
      OptionalLong oom = cgroups.oomKills();
      if (oom.isPresent() && oom.getAsLong() > 0) {
        note += ": out of memory, the cgroup memory limit of " + bytes(spec.cgroup().memoryBytes().getAsLong())
            + " was reached (oom_kill " + oom.getAsLong() + ")";
      } else if (stopping) {
        note += ": the runtime was stopped by a signal";
      }
      notes.add(note);
    }
    OptionalLong pidsHits = cgroups.pidsLimitHits();
    if (pidsHits.isPresent() && pidsHits.getAsLong() > 0) {
      notes.add("container " + spec.name() + " reached its pids limit of " + spec.cgroup().pids().getAsLong()
          + ": " + pidsHits.getAsLong() + " fork(s) failed");
    }
    return new RunResult(exitCode, notes);
  }

  private static String bytes(long bytes) {
    return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
  }

  private void fireFailureHooks() {
    try {
      hooks.fire(HookPoint.AFTER_FAILURE, pid);
    } catch (RunFailure e) {
      err.println("haconiwa: warning: " + e.getMessage());
    }
  }

  /** A signal to the runtime kills the container; the main thread then cleans up as always. */
  private void installShutdownHook() {
    shutdownHook = new Thread(new StopOnShutdown(), "haconiwa-stop-" + spec.name());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The shutdown hook; a class, not a lambda: see ContainerRuntime.SYSCALL_NUMBERS. */
  private final class StopOnShutdown implements Runnable {
    @Override
    public void run() {
      stopping = true;
      if (pid > 0 && !reaped) {
        ContainerCgroups.killAll(cgroups.directories());
        Native.kill(pid, Signals.KILL);
      }
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeStatus() {
    if (statusFd >= 0) {
      try {
        Native.close(statusFd);
      } catch (IOException e) {
        // released either way
      }
      statusFd = -1;
    }
  }

  private void cleanup() {
    try {
      closeStatus();
      if (pid > 0 && !reaped) {
        // A failure after the clone: the child may still be waiting for its go, or running.
        Native.kill(pid, Signals.KILL);
        try {
          waitForChild();
        } catch (RunFailure e) {
          err.println("haconiwa: warning: " + e.getMessage());
        }
      }
      if (cgroups != null && !cgroups.remove()) {
        // The state stays, so that haconiwa ps shows it and haconiwa kill can try again.
        err.println("haconiwa: warning: could not remove every cgroup of " + spec.name() + ": "
            + cgroups.directories() + "; haconiwa kill " + spec.name() + " tries again");
      } else {
        store.delete(spec.name());
      }
      if (guardian != null) {
        guardian.dismiss();
      }
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // shutting down: the hook is running and waits for us
        }
      }
    } finally {
      finished.countDown();
    }
  }
}
