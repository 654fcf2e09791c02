package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.container.ContainerRuntime;
import dev.jusdt.haconiwa.container.ExitCodes;
import dev.jusdt.haconiwa.container.RunFailure;
import dev.jusdt.haconiwa.container.Signals;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code haconiwa kill NAME}. */
@Command(
    name = "kill",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a signal to a running container; its runtime then cleans up and exits with 128 + the signal.",
      "SIGKILL (the default) reaches every process of the container; another signal reaches its pid 1,"
          + " which ignores signals it has no handler for. If the container's runtime has died, cleans up"
          + " after it instead (kills what is left, removes its cgroups and state).",
      "Exit status: 0 done; 1 no such container, or it could not be signalled."
    })
final class KillCommand implements Callable<Integer> {

  @ParentCommand Haconiwa parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The container's name (haconiwa ps lists them).")
  String name;

  @Option(
      names = {"-s", "--signal"},
      paramLabel = "SIGNAL",
      defaultValue = "KILL",
      description = "The signal, by name (TERM, SIGTERM) or number (default: ${DEFAULT-VALUE}).")
  String signal;

  @Override
  public Integer call() {
    OptionalInt number = Signals.parse(signal);
    if (number.isEmpty()) {
      spec.commandLine().getErr().println("haconiwa kill: unknown signal '" + signal + "'; e.g. KILL, TERM, 9");
      return ExitCodes.USAGE;
    }
    try {
      String done = new ContainerRuntime(parent.store(), System.err, false).kill(name, number.getAsInt());
      spec.commandLine().getOut().println(done);
      return ExitCodes.OK;
    } catch (RunFailure e) {
      spec.commandLine().getErr().println("haconiwa kill: " + e.getMessage());
      return e.exitCode();
    }
  }
}
