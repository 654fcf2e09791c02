package org.example.tracing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * A loop that fires {@code fixture:hot} as fast as it can, for a tracer to attach to by pid. It
 * crosses into native code only while {@code isHotEnabled()} holds, and counts those crossings; a
 * watcher thread prints each change of {@code isHotEnabled()} with its {@code System.nanoTime()}
 * (CLOCK_MONOTONIC, as bpftrace's {@code nsecs}) and a status line every 100 ms. Ends when
 * standard input closes.
 */
final class HotLoop {

  private static final UsdtArgProbes PROBES = UsdtArgProbes.INSTANCE;

  private static final long CHUNK = 1L << 20;

  /** Chunks before "warm": enough for C2 to compile spin, with probes disabled. */
  private static final int WARM_CHUNKS = 200;

  private static volatile boolean stop;
  private static volatile long iterations;
  private static volatile long crossings;

  private HotLoop() {}

  static void run() throws InterruptedException {
    Thread loop = new Thread(HotLoop::loop, "hot-loop");
    loop.start();
    Thread watcher = new Thread(HotLoop::watch, "watcher");
    watcher.setDaemon(true);
    watcher.start();
    awaitEndOfInput();
    stop = true;
    loop.join();
    System.out.println("done iterations=" + iterations + " crossings=" + crossings);
  }

  private static void loop() {
    long done = 0;
    long crossed = 0;
    for (int chunk = 0; !stop; chunk++) {
      crossed += spin(done, CHUNK);
      done += CHUNK;
      iterations = done;
      crossings = crossed;
      if (chunk == WARM_CHUNKS) {
        System.out.println("warm iterations=" + done);
      }
    }
  }

  /** The hot loop: JIT-compiled, it reads the semaphore on every iteration. */
  static long spin(long from, long count) {
    long crossed = 0;
    for (long i = from; i < from + count; i++) {
      if (PROBES.isHotEnabled()) {
        crossed++;
        PROBES.hot(i);
      }
    }
    return crossed;
  }

  private static void watch() {
    boolean enabled = false;
    long nextStatus = System.nanoTime();
    while (true) {
      boolean now = PROBES.isHotEnabled();
      long time = System.nanoTime();
      if (now != enabled) {
        enabled = now;
        System.out.println((now ? "enabled" : "disabled") + " at " + time);
      }
      if (time >= nextStatus) {
        System.out.println("status enabled=" + now + " iterations=" + iterations
            + " crossings=" + crossings);
        nextStatus = time + 100_000_000L;
      }
      LockSupport.parkNanos(50_000);
    }
  }

  private static void awaitEndOfInput() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      // Any line, or the end of input, stops the loop.
      in.readLine();
    } catch (IOException e) {
      System.out.println("standard input failed: " + e);
    }
  }
}
