package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.config.ContainerFile;
import dev.jusdt.haconiwa.config.ContainerFileCache;
import dev.jusdt.haconiwa.config.ContainerFileException;
import dev.jusdt.haconiwa.config.ContainerSpec;
import dev.jusdt.haconiwa.container.ContainerRuntime;
import dev.jusdt.haconiwa.container.ExitCodes;
import dev.jusdt.haconiwa.container.RunFailure;
import dev.jusdt.haconiwa.container.RunResult;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import dev.jusdt.haconiwa.probe.Phases;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code haconiwa run FILE [-- COMMAND...]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Boots the container FILE declares, waits for its command to end, and removes its cgroups,"
          + " mounts and state. The command's output is this command's output.",
      "Exit status: the command's own; 128+N if signal N killed it (137 also when the memory"
          + " limit killed it, which is said on stderr); 125 if the runtime failed; 126/127 if the"
          + " command cannot run / does not exist."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand Haconiwa parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The container file (YAML).")
  Path file;

  @Parameters(
      index = "1..*",
      paramLabel = "COMMAND",
      description = "Runs this instead of the file's command; put -- before it.")
  List<String> command;

  @Option(names = "--name", paramLabel = "NAME", description = "Names the container NAME instead of the file's name.")
  String name;

  @Option(names = {"-v", "--verbose"}, description = "Says on stderr when the container started, and its pid.")
  boolean verbose;

  /**
   * The system property that makes a run stop once its container file is read and checked (into
   * the {@link ContainerFileCache}), firing no probe. bin/haconiwa sets it for a run of its own
   * before the run that trains a start-up archive: that one then reads the file from the cache,
   * and the archive, mapped by every later boot, holds no YAML parser (~2 MB, ~7 ms of a JDK 25
   * boot).
   */
  static final String CHECK_ONLY = "haconiwa.run.checkOnly";

  @Override
  public Integer call() {
    PlainRun run = new PlainRun(parent.stateDirectory, file, name, verbose, command == null ? List.of() : command);
    return execute(run, spec.commandLine().getErr());
  }

  /**
   * Boots the container {@code run} names and waits for it.
   *
   * @return the exit status: the command's own, or one of {@link ExitCodes}
   */
  static int execute(PlainRun run, PrintWriter err) {
    boolean checkOnly = Boolean.getBoolean(CHECK_ONLY);
    if (!checkOnly) {
      HaconiwaProbes.probeBoottime(Phases.PHASE_CLI_START);
    }
    ContainerSpec container;
    try {
      Optional<ContainerFileCache> cache = ContainerFileCache.configured();
      container = cache.isPresent()
          ? cache.get().read(run.file(), ContainerRuntime.SYSCALL_NUMBERS)
          : ContainerFile.read(run.file(), ContainerRuntime.SYSCALL_NUMBERS);
    } catch (ContainerFileException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.RUNTIME_FAILED;
    } catch (NoSuchFileException e) {
      err.println("haconiwa: no container file " + run.file());
      err.flush();
      return ExitCodes.RUNTIME_FAILED;
    } catch (IOException e) {
      err.println("haconiwa: cannot read " + run.file() + ": " + e.getMessage());
      err.flush();
      return ExitCodes.RUNTIME_FAILED;
    }
    if (checkOnly) {
      return 0;
    }
    if (run.name() != null) {
      if (!ContainerFile.NAME.matcher(run.name()).matches()) {
        err.println("haconiwa: --name " + run.name() + ": letters, digits, '_', '.' or '-', starting with a letter or digit, at most 63");
        err.flush();
        return ExitCodes.USAGE;
      }
      container = container.withName(run.name());
    }
    if (!run.command().isEmpty()) {
      container = container.withCommand(run.command());
    }
    ContainerRuntime runtime = new ContainerRuntime(Haconiwa.store(run.stateDirectory()), System.err, run.verbose());
    try {
      RunResult result = runtime.run(container);
      for (String note : result.notes()) {
        err.println("haconiwa: " + note);
      }
      err.flush();
      return result.exitCode();
    } catch (RunFailure e) {
      err.println("haconiwa: " + e.getMessage());
      err.flush();
      return e.exitCode();
    }
  }
}
