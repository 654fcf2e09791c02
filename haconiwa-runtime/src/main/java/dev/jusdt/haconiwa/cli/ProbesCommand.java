package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.container.ExitCodes;
import dev.jusdt.haconiwa.probe.HaconiwaProbes;
import dev.jusdt.runtime.ProbeLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haconiwa probes}. */
@Command(
    name = "probes",
    mixinStandardHelpOptions = true,
    description = {
      "Lists haconiwa's probes and prints the probe library's stable path: start a tracer on it before"
          + " 'haconiwa run' and it sees every container boot, with no pid to look up.",
      "The library is extracted as 'haconiwa run' extracts it, so run this with the same"
          + " -Djusdt.cache.dir / JUSDT_CACHE_DIR and user.",
      "Exit status: 0 listed; 1 the library cannot be loaded here (the warning says why)."
    })
final class ProbesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--path", description = "Prints only the library's path, for scripts.")
  boolean pathOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> path =
        ProbeLibrary.load("haconiwa", HaconiwaProbes.class) ? ProbeLibrary.path("haconiwa") : Optional.empty();
    if (path.isEmpty()) {
      err.println("haconiwa probes: libhaconiwa.so is not loaded here (see the warning above); probes are off");
      return ExitCodes.NOT_FOUND;
    }
    if (pathOnly) {
      out.println(path.get());
      out.flush();
      return ExitCodes.OK;
    }
    ProbeListing.Manifest manifest;
    try {
      manifest = ProbeListing.read();
    } catch (IOException e) {
      err.println("haconiwa probes: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILED;
    }
    out.println("library " + manifest.library + " " + path.get());
    out.println();
    String format = "%-28s %-24s %s%n";
    out.printf(format, "PROBE", "ARGUMENTS", "PHASES");
    for (ProbeListing.Probe probe : manifest.probes) {
      String phases = probe.phases == null ? "" : probe.phases.stream()
          .sorted((a, b) -> Long.compare(a.value, b.value))
          .map(p -> p.value + " " + p.constant.replaceFirst("^PHASE_", ""))
          .collect(Collectors.joining(", "));
      out.printf(format, probe.provider + ":" + probe.name, String.join(", ", probe.argumentNames), phases);
    }
    out.println();
    out.println("Trace every container boot from now on (start it before haconiwa run):");
    out.println("  bpftrace -e 'usdt:" + path.get() + ":haconiwa:probe-boottime,");
    out.println("    usdt:" + path.get() + ":haconiwa:probe-containergen");
    out.println("    { printf(\"%d %s phase=%d %d.%09d\\n\", pid, probe, arg0, arg1, arg2); }'");
    out.flush();
    return ExitCodes.OK;
  }
}
