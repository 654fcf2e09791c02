package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A thread spinning in an empty loop on a semaphore read until a tracer's write ends it: the shape
 * in which C2 hoists a plain load out of the loop and spins for ever.
 */
final class SpinningLoop {

  private SpinningLoop() {}

  /**
   * Checks that a loop spinning on {@code read} sees a tracer attach ({@code write} of 1) and then
   * detach ({@code write} of 0).
   */
  static void seesAttachAndDetach(BooleanSupplier read, IntConsumer write)
      throws InterruptedException {
    assertThat(endsAfter(read, false, () -> write.accept(1))).as("attach seen").isTrue();
    assertThat(endsAfter(read, true, () -> write.accept(0))).as("detach seen").isTrue();
  }

  /**
   * Whether a loop spinning while {@code read} gives {@code whileSet} stops after {@code write}:
   * two seconds are enough for it to be compiled (on-stack replacement) first.
   */
  static boolean endsAfter(BooleanSupplier read, boolean whileSet, Runnable write)
      throws InterruptedException {
    Thread spinner = new Thread(() -> {
      while (read.getAsBoolean() == whileSet) {
        // empty: see above
      }
    });
    spinner.setDaemon(true);
    spinner.start();
    Thread.sleep(2000);
    write.run();
    spinner.join(20_000);
    return !spinner.isAlive();
  }
}
