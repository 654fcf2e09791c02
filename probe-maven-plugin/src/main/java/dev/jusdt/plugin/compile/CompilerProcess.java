package dev.jusdt.plugin.compile;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** Runs the compiler and captures what it printed. */
final class CompilerProcess {

  /**
   * How a run ended.
   *
   * @param exitCode the process's exit code
   * @param output what it printed on stderr and stdout, interleaved as it printed them
   */
  record Result(int exitCode, String output) {}

  private CompilerProcess() {}

  /**
   * Runs a command to its end.
   *
   * @param command the command line, program first
   * @param workingDirectory the directory to run it in
   * @return its exit code and output
   * @throws IOException if it cannot be started
   * @throws InterruptedException if the build is interrupted while it runs; the process is killed
   */
  static Result run(List<String> command, Path workingDirectory)
      throws IOException, InterruptedException {
    // One stream for both: reading two pipes one after the other can deadlock when the unread
    // one fills, and gcc's diagnostics are on stderr anyway.
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try (InputStream out = process.getInputStream()) {
      byte[] bytes = out.readAllBytes();
      int exitCode = process.waitFor();
      return new Result(exitCode, new String(bytes, Charset.defaultCharset()));
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
