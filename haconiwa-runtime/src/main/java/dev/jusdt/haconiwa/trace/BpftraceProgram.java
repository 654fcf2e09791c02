package dev.jusdt.haconiwa.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bpftrace program that reports every firing of the three haconiwa probes, by the probe
 * library's path, and the parser of what it prints.
 *
 * <p>Each firing is one line, {@code HT <b|c|m> pid ppid phase arg1 arg2 nsecs comm}; a {@code
 * probe-misc} firing also prints its value as a string on the next line, {@code HS <text>}, in the
 * same {@code printf} so the two lines are never split. {@code probe-misc}'s value is a number at
 * some sites and a {@code char *} at others, which bpftrace cannot tell apart: {@code str(arg1)} of
 * a number fails and prints nothing, so a non-empty string with a pointer-sized value is taken as
 * text. {@code probe-misc} has no timestamp; its time is bpftrace's {@code nsecs}
 * ({@code CLOCK_MONOTONIC}) moved by the {@code CLOCK_BOOTTIME - CLOCK_MONOTONIC} offset of the
 * latest timed firing (0 before one: the clocks differ only by time spent suspended).
 *
 * <p>The parent pid is {@code curtask->real_parent->tgid}, which needs the kernel's BTF ({@code
 * /sys/kernel/btf/vmlinux}); without it the program prints -1 and boots are linked by the fork
 * heuristic of {@link BootGrouper}.
 */
final class BpftraceProgram {

  /** bpftrace's {@code str()} limit, raised from 64 to its maximum for hook strings. */
  static final String STRLEN = "200";

  private static final Path BTF = Path.of("/sys/kernel/btf/vmlinux");
  private static final String READY = "HR ready";
  private static final long POINTER_MIN = 4096;

  /** The probes reported, as sys/sdt.h names them. */
  static final List<String> PROBES = List.of("probe-boottime", "probe-containergen", "probe-misc");

  private final Path library;
  private final Set<String> probes;
  private final boolean parents;
  private long bootMinusMonotonic;
  private String[] pendingMisc;
  private int pendingLine;

  /**
   * @param library the file holding the probes
   * @param probes which of {@link #PROBES} it has: bpftrace refuses to attach to a missing one
   * @param parents whether to read parent pids
   */
  BpftraceProgram(Path library, Set<String> probes, boolean parents) {
    this.library = library;
    this.probes = Set.copyOf(probes);
    this.parents = parents;
  }

  /** For this machine: parent pids when the kernel has BTF. */
  static BpftraceProgram forThisMachine(Path library, Set<String> probes) {
    return new BpftraceProgram(library, probes, Files.isReadable(BTF));
  }

  boolean readsParents() {
    return parents;
  }

  /** The program text for {@code bpftrace -e}. */
  String text() {
    // BEGIN fires before bpftrace attaches the other probes; a timer's first tick, 200 ms after
    // attaching began (uprobes attach in microseconds), says they are in place.
    StringBuilder text =
        new StringBuilder()
            .append("interval:ms:200 /@ready == 0/ { @ready = 1; printf(\"" + READY + "\\n\"); }\n")
            .append("END { delete(@ready); }\n");
    if (probes.contains("probe-boottime")) {
      text.append(timed("probe-boottime", "b"));
    }
    if (probes.contains("probe-containergen")) {
      text.append(timed("probe-containergen", "c"));
    }
    if (probes.contains("probe-misc")) {
      text.append(probe("probe-misc"))
          .append("{ printf(\"HT m %d %d %lld %lld 0 %llu %s\\nHS %s\\n\", pid, ")
          .append(ppid())
          .append(", arg0, arg1, nsecs, comm, str(arg1)); }\n");
    }
    return text.toString();
  }

  private String timed(String name, String kind) {
    return probe(name)
        + "{ printf(\"HT "
        + kind
        + " %d %d %lld %lld %lld %llu %s\\n\", pid, "
        + ppid()
        + ", arg0, arg1, arg2, nsecs, comm); }\n";
  }

  private String probe(String name) {
    return "usdt:" + library + ":haconiwa:" + name + " ";
  }

  private String ppid() {
    return parents ? "curtask->real_parent->tgid" : "-1";
  }

  /** Whether a line of bpftrace's output says the probes are attached. */
  static boolean isReady(String line) {
    return line.equals(READY);
  }

  /**
   * Parses one line of output: an event, or empty for a line that only completes one (or is not
   * an event: bpftrace's own messages).
   *
   * @throws IllegalArgumentException for a line that starts like an event but is malformed
   */
  Optional<TraceEvent> parse(String line, int number) {
    if (line.startsWith("HS ") || line.equals("HS")) {
      if (pendingMisc == null) {
        throw new IllegalArgumentException("a hook string without its event: " + line);
      }
      String text = line.length() > 3 ? line.substring(3) : "";
      String[] fields = pendingMisc;
      pendingMisc = null;
      long value = Long.parseLong(fields[5]);
      long nanos = Long.parseUnsignedLong(fields[7]) + bootMinusMonotonic;
      boolean isText = !text.isEmpty() && Long.compareUnsigned(value, POINTER_MIN) >= 0;
      return Optional.of(
          new TraceEvent(
              Probe.MISC,
              Integer.parseInt(fields[2]),
              Integer.parseInt(fields[3]),
              fields[8],
              Integer.parseInt(fields[4]),
              nanos,
              isText ? null : value,
              isText ? text : null,
              pendingLine));
    }
    if (!line.startsWith("HT ")) {
      return Optional.empty();
    }
    String[] fields = line.split(" ", 9);
    if (fields.length != 9) {
      throw new IllegalArgumentException("expected 9 fields: " + line);
    }
    switch (fields[1]) {
      case "m" -> {
        pendingMisc = fields;
        pendingLine = number;
        return Optional.empty();
      }
      case "b", "c" -> {
        long nanos = Long.parseLong(fields[5]) * 1_000_000_000L + Long.parseLong(fields[6]);
        bootMinusMonotonic = nanos - Long.parseUnsignedLong(fields[7]);
        return Optional.of(
            new TraceEvent(
                fields[1].equals("b") ? Probe.BOOTTIME : Probe.CONTAINERGEN,
                Integer.parseInt(fields[2]),
                Integer.parseInt(fields[3]),
                fields[8],
                Integer.parseInt(fields[4]),
                nanos,
                null,
                null,
                number));
      }
      default -> throw new IllegalArgumentException("unknown probe '" + fields[1] + "': " + line);
    }
  }
}
