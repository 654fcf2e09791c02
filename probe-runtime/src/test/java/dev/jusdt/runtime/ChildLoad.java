package dev.jusdt.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program of a child JVM in tests: loads one library through {@link ProbeLibrary}, optionally
 * after a start signal so that several JVMs race, and prints the outcome.
 */
public final class ChildLoad {

  private ChildLoad() {}

  /**
   * Prints {@code loaded <path>} or {@code failed}, then {@code micros <time in load>}.
   *
   * @param args the library; optionally a file to create when ready and a file to wait for
   */
  public static void main(String[] args) throws Exception {
    String library = args[0];
    if (args.length == 3) {
      Files.createFile(Path.of(args[1]));
      Path go = Path.of(args[2]);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(go)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no start signal");
        }
        Thread.onSpinWait();
      }
    }
    long start = System.nanoTime();
    boolean loaded = ProbeLibrary.load(library, ChildLoad.class);
    long micros = (System.nanoTime() - start) / 1000;
    System.out.println(loaded ? "loaded " + ProbeLibrary.path(library).get() : "failed");
    System.out.println("micros " + micros);
  }
}
