package dev.jusdt.haconiwa.cli;

import dev.jusdt.haconiwa.container.ContainerRuntime;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The {@code haconiwa} entry point (the jar's Main-Class): a plain {@code run} goes straight to
 * {@link RunCommand}, anything else to picocli's {@link Haconiwa}.
 *
 * <p>A class of its own because the java launcher, checking for {@code main(String[])}, resolves
 * the types in every method signature of the main class; {@link Haconiwa}'s name picocli's
 * {@code CommandLine}, whose 70 KB class file (outside JDK 25's AOT cache, being Java 5) took
 * 9 ms to load before a single line of a container boot had run. Nothing here names picocli.
 */
public final class Main {

  /**
   * The system property that ends a plain run with {@link ContainerRuntime#endProcess} once it
   * has cleaned up, sparing the JVM's own exit (~3.5 ms of a boot on JDK 25). bin/haconiwa sets
   * it when the JVM has no option from the user (no agent, no recording) and maps an archive
   * (no class list or AOT configuration to write at exit).
   */
  static final String IMMEDIATE_EXIT = "haconiwa.immediateExit";

  private Main() {}

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Optional<PlainRun> run = PlainRun.parse(args);
    if (run.isEmpty()) {
      System.exit(Haconiwa.execute(args));
    }
    int status = RunCommand.execute(run.get(), new PrintWriter(System.err, true));
    if (shuttingDown()) {
      // A signal stopped the runtime: exit blocks, and the JVM ends as that signal says (143).
      System.exit(status);
    }
    // The run has cleaned up and removed its shutdown hook, so exit's sequence has nothing left
    // to do but, from JDK 21, look up a System.Logger to log the exit: ~10 ms of a boot on JDK 25.
    System.out.flush();
    System.err.flush();
    if (Boolean.getBoolean(IMMEDIATE_EXIT)) {
      ContainerRuntime.endProcess(status);
    }
    Runtime.getRuntime().halt(status);
  }

  /** Whether the JVM's shutdown has begun; the JDK tells it only by refusing a new hook. */
  private static boolean shuttingDown() {
    // Named: an unnamed thread would initialise the JDK's thread numbering, interpreted.
    Thread hook = new Thread(null, null, "haconiwa-shutdown-check");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      Runtime.getRuntime().removeShutdownHook(hook);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
