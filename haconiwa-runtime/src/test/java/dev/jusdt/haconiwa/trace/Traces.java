package dev.jusdt.haconiwa.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Test traces: the source document's bcc output, and events made up by hand. */
final class Traces {

  static final String BLOG = "haconiwa-usdt-blog.bcc.txt";

  private Traces() {}

  static List<String> resource(String name) {
    try (InputStream in = Traces.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<TraceEvent> blogEvents() throws TraceFormatException {
    return TraceFile.parse(BLOG, resource(BLOG));
  }

  static List<Boot> group(List<TraceEvent> events) {
    List<TraceEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(TraceEvent::nanos));
    BootGrouper grouper = new BootGrouper();
    sorted.forEach(grouper::add);
    return grouper.boots();
  }

  static List<Boot> blogBoots() throws TraceFormatException {
    return group(blogEvents());
  }

  static TraceEvent runtime(int pid, int ppid, int phase, long micros) {
    return TraceEvent.timed(Probe.BOOTTIME, pid, ppid, "haconiwa", phase, micros * 1000);
  }

  static TraceEvent child(int pid, int ppid, int phase, long micros) {
    return TraceEvent.timed(Probe.CONTAINERGEN, pid, ppid, "haconiwa", phase, micros * 1000);
  }

  /** A whole boot in the order the runtime fires it; the child's phases 10 µs apart. */
  static List<TraceEvent> boot(int runtime, int child, long startMicros, long stepMicros) {
    List<TraceEvent> events = new ArrayList<>();
    long t = startMicros;
    for (int phase : new int[] {0, 1, 31, 32, 2}) {
      events.add(runtime(runtime, 1, phase, t));
      t += stepMicros;
    }
    for (int phase = 11; phase <= 21; phase++) {
      events.add(child(child, runtime, phase, t));
      t += stepMicros;
    }
    for (int phase : new int[] {3, 4, 5, 6}) {
      events.add(runtime(runtime, 1, phase, t));
      t += stepMicros;
    }
    return events;
  }

  static List<Integer> phases(Boot boot) {
    return boot.events().stream().map(TraceEvent::phase).toList();
  }
}
