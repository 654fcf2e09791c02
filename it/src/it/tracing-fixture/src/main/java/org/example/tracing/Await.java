package org.example.tracing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits until a tracer has attached, so that a run fires only while it is traced. */
final class Await {

  private static final long TIMEOUT_SECONDS = 60;

  private Await() {}

  /** Returns once {@code attached} holds; exits with status 3 if it does not within a minute. */
  static void tracer(String what, BooleanSupplier attached) throws InterruptedException {
    System.out.println("waiting for a tracer on " + what);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!attached.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        System.out.println("no tracer attached to " + what + " within " + TIMEOUT_SECONDS + " s");
        System.exit(3);
      }
      Thread.sleep(1);
    }
    // The kernel raises a site's semaphore just before it writes the site's breakpoint.
    Thread.sleep(100);
    System.out.println("tracer attached");
  }
}
