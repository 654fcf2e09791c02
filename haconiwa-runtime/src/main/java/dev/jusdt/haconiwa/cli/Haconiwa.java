package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.container.ExitCodes;
import dev.jusdt.haconiwa.container.StateStore;
import dev.jusdt.haconiwa.trace.TraceCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code haconiwa}: a small container runtime whose every boot phase fires a USDT probe.
 *
 * <pre>
 * haconiwa run FILE [-- COMMAND...]   boot a container, wait for it, clean up
 * haconiwa probes                     the probes, and the library path tracers attach to
 * haconiwa ps                         running containers
 * haconiwa kill NAME                  signal one
 * </pre>
 */
@Command(
    name = "haconiwa",
    mixinStandardHelpOptions = true,
    versionProvider = Haconiwa.Version.class,
    description = {
      "A small container runtime whose every boot phase fires a USDT probe"
          + " (haconiwa:probe-boottime, probe-containergen, probe-misc).",
      "Start a tracer on the path 'haconiwa probes' prints, then boot containers with 'haconiwa run'."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:no such container (kill)",
      "2:wrong usage",
      "125:the runtime failed: bad container file, missing rootfs, a setup step failed",
      "126:the command cannot be executed",
      "127:the command does not exist in the container",
      "128+N:the command was killed by signal N (137: SIGKILL, e.g. out of memory)",
      "other:the command's own exit status"
    })
public final class Haconiwa implements Callable<Integer> {

  /*
   * Registered in code rather than in @Command(subcommands): picocli builds the model of every
   * command it is given, reflecting over its annotations, and that is the largest part of a CLI
   * start; `haconiwa run` needs the model of run alone.
   */
  private static final List<String> SUBCOMMANDS = List.of("run", "probes", "ps", "kill", "trace");

  @Spec CommandSpec spec;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Where running containers are recorded (default: $HACONIWA_STATE_DIR, else /run/haconiwa).")
  Path stateDirectory;

  /** Creates the command; picocli sets the options. */
  public Haconiwa() {}

  /**
   * Runs {@code args} through picocli; {@link Main} is the entry point.
   *
   * @param args the command line
   * @return the exit status
   */
  static int execute(String[] args) {
    return commandLine(args).execute(args);
  }

  /**
   * The command line, for running it in-process (tests, embedding).
   *
   * @return picocli's command line for {@code haconiwa} with every subcommand
   */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Haconiwa());
    for (String name : SUBCOMMANDS) {
      line.addSubcommand(subcommand(name));
    }
    return line.addSubcommand(HelpCommand.class);
  }

  private static Class<?> subcommand(String name) {
    switch (name) {
      case "run":
        return RunCommand.class;
      case "probes":
        return ProbesCommand.class;
      case "ps":
        return PsCommand.class;
      case "kill":
        return KillCommand.class;
      case "trace":
        return TraceCommand.class;
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /**
   * The command line for {@code args}: with only the subcommand they name, else (help, usage,
   * an unknown name) with all, so that parsing, help and errors are what {@link #commandLine()}
   * gives.
   */
  static CommandLine commandLine(String[] args) {
    Optional<String> name = named(args);
    if (name.isEmpty()) {
      return commandLine();
    }
    return new CommandLine(new Haconiwa()).addSubcommand(subcommand(name.get()));
  }

  /** The subcommand args name after the root's own options, if it is one of ours. */
  static Optional<String> named(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--state-dir=")) {
        continue;
      }
      if (args[i].equals("--state-dir")) {
        i++;
        continue;
      }
      return SUBCOMMANDS.contains(args[i]) ? Optional.of(args[i]) : Optional.empty();
    }
    return Optional.empty();
  }

  /** Without a subcommand: the usage, and the exit status of wrong usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  StateStore store() {
    return store(stateDirectory);
  }

  /** The state store in {@code directory}, or in the default place when it is null. */
  static StateStore store(Path directory) {
    return new StateStore(directory != null ? directory : StateStore.defaultRoot());
  }

  /** The jar's Implementation-Version, when run from a built jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Haconiwa.class.getPackage().getImplementationVersion();
      return new String[] {"haconiwa " + (version != null ? version : "(development build)")};
    }
  }
}
