package org.example.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fires every probe from many threads until told to stop on standard input (a line "stop"), and
 * prints its progress twice a second, so a test can see that no thread is stuck while a tracer
 * attaches and detaches.
 *
 * <p>Arguments: the number of threads.
 */
public final class FireFromThreads {

  private FireFromThreads() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder fired = new LongAdder();
    LongAdder traced = new LongAdder();
    // Over the 256-byte stack buffer, so the native side mallocs and frees on every traced call.
    String heap = "h".repeat(300);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long id = t;
      Thread worker =
          new Thread(
              () -> {
                TextProbes probes = UsdtTextProbes.INSTANCE;
                while (!stop.get()) {
                  if (UsdtTextProbes.INSTANCE.isTextEnabled()) {
                    traced.increment();
                  }
                  probes.text(id, heap);
                  probes.text(id, "short");
                  probes.pair(id, null, heap);
                  StrsProbes.loop(Phases.PHASE_LOOP, heap);
                  StrsProbes.loop(Phases.PHASE_LOOP, id);
                  fired.increment();
                }
              },
              "fire-" + t);
      workers.add(worker);
      worker.start();
    }
    Thread progress =
        new Thread(
            () -> {
              while (!stop.get()) {
                System.out.println("progress " + fired.sum() + " traced " + traced.sum());
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "progress");
    progress.setDaemon(true);
    progress.start();
    System.out.println("started " + threads);
    java.io.BufferedReader in =
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
    for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
      // Only "stop" (or the end of input) ends the run.
    }
    stop.set(true);
    for (Thread worker : workers) {
      worker.join(10_000);
      if (worker.isAlive()) {
        System.out.println("stuck " + worker.getName());
        for (StackTraceElement frame : worker.getStackTrace()) {
          System.out.println("  at " + frame);
        }
        System.exit(3);
      }
    }
    System.out.println("joined " + fired.sum() + " traced " + traced.sum());
  }
}
