package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.container.ContainerState;
import dev.jusdt.haconiwa.container.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code haconiwa ps}. */
@Command(
    name = "ps",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the containers of the state directory: name, the container's pid on the host, the runtime's"
          + " pid, status, uptime and command.",
      "Status: running; starting (not yet cloned); stale (its runtime died; 'haconiwa kill NAME' cleans up)."
    })
final class PsCommand implements Callable<Integer> {

  @ParentCommand Haconiwa parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ContainerState> states;
    try {
      states = parent.store().list();
    } catch (IOException e) {
      spec.commandLine().getErr().println("haconiwa ps: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILED;
    }
    String format = "%-20s %-8s %-8s %-8s %-9s %s%n";
    out.printf(format, "NAME", "PID", "RUNTIME", "STATUS", "UPTIME", "COMMAND");
    for (ContainerState state : states) {
      String status = !state.runtimeAlive() ? "stale" : state.pid() == 0 ? "starting" : "running";
      out.printf(format, state.name(), state.pid(), state.runtimePid(), status,
          uptime(Duration.between(state.started(), Instant.now())), String.join(" ", state.command()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String uptime(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m" + s % 60 + "s";
    }
    return s / 3600 + "h" + s % 3600 / 60 + "m";
  }
}
