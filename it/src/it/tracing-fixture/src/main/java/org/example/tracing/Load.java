package org.example.tracing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Many threads firing {@code fixture:tick}: a fixed total, or until standard input closes. */
final class Load {

  private Load() {}

  /** Waits for a tracer, then fires exactly {@code total} ticks from {@code threads} threads. */
  static void fixed(int threads, long total) throws InterruptedException {
    UsdtArgProbes probes = UsdtArgProbes.INSTANCE;
    Await.tracer("fixture:tick", probes::isTickEnabled);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      long share = total / threads + (t < total % threads ? 1 : 0);
      workers.add(
          new Thread(
              () -> {
                awaitQuietly(start);
                for (long i = 0; i < share; i++) {
                  probes.tick(thread);
                }
              },
              "tick-" + t));
    }
    workers.forEach(Thread::start);
    long began = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.println("fired " + total + " ticks from " + threads + " threads in "
        + (System.nanoTime() - began) / 1_000_000 + " ms");
  }

  /** Fires from {@code threads} threads, without waiting for a tracer, until input closes. */
  static void untilInputCloses(int threads) throws InterruptedException, IOException {
    UsdtArgProbes probes = UsdtArgProbes.INSTANCE;
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder fired = new LongAdder();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(
          new Thread(
              () -> {
                while (!stop.get()) {
                  for (int i = 0; i < 1000; i++) {
                    probes.tick(thread);
                  }
                  fired.add(1000);
                }
              },
              "tick-" + t));
    }
    workers.forEach(Thread::start);
    System.out.println("firing from " + threads + " threads");
    while (System.in.read() >= 0) {
      // Runs until the end of input.
    }
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.println("done fired=" + fired.sum());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
