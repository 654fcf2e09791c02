package dev.jusdt.plugin.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent compiler commands side by side, at most one per thread of a small pool, and
 * hands back their results in the order of the commands.
 */
final class ParallelCompiler {

  private ParallelCompiler() {}

  /**
   * Runs every command to its end, even when an earlier one failed, so that every error is seen.
   *
   * @param commands the command lines, program first
   * @param workingDirectory the directory to run them in
   * @param threads how many may run at once, at least 1
   * @return each command's result, in the commands' order
   * @throws IOException if a command cannot be started
   * @throws InterruptedException if the build is interrupted; running commands are killed
   */
  static List<CompilerProcess.Result> run(
      List<List<String>> commands, Path workingDirectory, int threads)
      throws IOException, InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, commands.size())),
            task -> {
              Thread thread = new Thread(task, "jusdt-gcc-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<CompilerProcess.Result>> futures = new ArrayList<>();
      for (List<String> command : commands) {
        futures.add(pool.submit(() -> CompilerProcess.run(command, workingDirectory)));
      }
      List<CompilerProcess.Result> results = new ArrayList<>();
      for (Future<CompilerProcess.Result> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("running the compiler failed: " + e.getCause(),
              e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
