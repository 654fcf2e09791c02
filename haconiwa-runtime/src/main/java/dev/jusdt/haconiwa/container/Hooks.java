package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.config.ContainerSpec;
import dev.jusdt.haconiwa.config.ContainerSpec.Hook;
import dev.jusdt.haconiwa.config.ContainerSpec.HookPoint;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The container file's hooks: each fires {@code haconiwa:probe-misc(phase, value)} at its point
 * and, if it names one, runs a host command there.
 */
final class Hooks {

  private final ContainerSpec spec;
  private final PrintStream err;

  Hooks(ContainerSpec spec, PrintStream err) {
    this.spec = spec;
    this.err = err;
  }

  /**
   * Fires the hooks of a point.
   *
   * @param pid the container's pid, 0 before fork
   * @throws RunFailure if a command of a hook before the container runs fails: that stops the
   *     start; later hooks' failures are warnings
   */
  void fire(HookPoint point, long pid) throws RunFailure {
    for (Hook hook : spec.hooks()) {
      if (hook.at() != point) {
        continue;
      }
      if (hook.text().isPresent()) {
        HaconiwaProbes.probeMisc(hook.phase(), hook.text().get());
      } else {
        HaconiwaProbes.probeMisc(hook.phase(), hook.number().orElse(pid));
      }
      if (!hook.run().isEmpty()) {
        run(hook, point, pid);
      }
    }
  }

  private void run(Hook hook, HookPoint point, long pid) throws RunFailure {
    ProcessBuilder builder = new ProcessBuilder(hook.run()).inheritIO();
    builder.environment().put("HACONIWA_NAME", spec.name());
    builder.environment().put("HACONIWA_PID", Long.toString(pid));
    builder.environment().put("HACONIWA_HOOK", point.key());
    String what = "hook " + point.key() + " " + hook.run();
    int status;
    try {
      status = builder.start().waitFor();
    } catch (IOException e) {
      status = -1;
      what += ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
      what += ": interrupted";
    }
    if (status == 0) {
      return;
    }
    String message = what + (status > 0 ? " exited with " + status : "");
    if (point == HookPoint.BEFORE_FORK || point == HookPoint.AFTER_FORK) {
      throw new RunFailure(ExitCodes.RUNTIME_FAILED, message + "; the container is not started");
    }
    err.println("haconiwa: warning: " + message);
  }
}
