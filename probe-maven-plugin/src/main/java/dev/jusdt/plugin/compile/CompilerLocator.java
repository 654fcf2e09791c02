package dev.jusdt.plugin.compile;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Finds the C compiler: the {@code compiler} parameter, else {@code $CC}, else {@code gcc} on
 * {@code PATH}. An explicit choice that does not exist fails instead of falling back, so a build
 * never silently uses another compiler than the one asked for.
 */
final class CompilerLocator {

  private final Map<String, String> environment;

  /**
   * @param environment the environment to read {@code CC} and {@code PATH} from
   */
  CompilerLocator(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Finds the compiler.
   *
   * @param configured the {@code compiler} parameter: a name looked up on {@code PATH} or a path,
   *     optionally followed by leading words; null or blank if unset
   * @return the compiler
   * @throws MojoExecutionException if it is not found; the message lists where it looked and
   *     names the Debian package
   */
  CompilerCommand locate(String configured) throws MojoExecutionException {
    List<String> looked = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      return resolve(configured, "parameter 'compiler' (-Dusdt.compiler)", looked);
    }
    looked.add("parameter 'compiler' (-Dusdt.compiler): unset");
    String cc = environment.get("CC");
    if (cc != null && !cc.isBlank()) {
      return resolve(cc, "environment variable CC", looked);
    }
    looked.add("environment variable CC: unset");
    return resolve("gcc", "PATH", looked);
  }

  private CompilerCommand resolve(String command, String origin, List<String> looked)
      throws MojoExecutionException {
    List<String> words = Arrays.asList(command.trim().split("\\s+"));
    String program = words.get(0);
    Optional<Path> found = find(program);
    if (found.isEmpty()) {
      looked.add(
          origin + ": " + program
              + (program.contains("/")
                  ? " is not an executable file"
                  : " is not on PATH " + environment.getOrDefault("PATH", "(unset)")));
      throw new MojoExecutionException(
          "gcc not found (looked in: " + String.join("; ", looked)
              + "); install it: apt-get install gcc, or set -Dusdt.compiler=/path/to/cc"
              + CompileFailure.SKIP_HINT);
    }
    return new CompilerCommand(found.get(), words.subList(1, words.size()), origin);
  }

  private Optional<Path> find(String program) {
    if (program.contains("/")) {
      return executable(program);
    }
    String path = environment.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      // An empty PATH element means the working directory, which a build must not depend on.
      if (!directory.isEmpty()) {
        Optional<Path> candidate = executable(directory + "/" + program);
        if (candidate.isPresent()) {
          return candidate;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(String file) {
    try {
      Path path = Path.of(file).toAbsolutePath();
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
