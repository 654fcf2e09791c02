package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The recording {@code haconiwa trace --record FILE} writes: one event a line, fields separated by
 * one space, after a version line.
 *
 * <pre>
 * # haconiwa-trace v1
 * # probe pid ppid phase sec nsec comm [value]
 * boottime 28806 28804 2 102949 989952375 haconiwa
 * containergen 28810 28806 11 102949 990286467 haconiwa
 * misc 28806 28804 124 102955 113981855 haconiwa s:hook:\shello
 * </pre>
 *
 * <p>{@code probe} is {@code boottime}, {@code containergen}, {@code misc} or {@code phase} (not
 * known); {@code ppid} is {@code -} when not known; {@code sec nsec} is the {@code CLOCK_BOOTTIME}
 * time; {@code comm} and a string value are {@link Escapes escaped}; a value is {@code n:<long>} or
 * {@code s:<string>}. Lines starting with {@code #} after the first are comments.
 */
final class RecordFormat {

  static final String MAGIC = "# haconiwa-trace v1";
  static final String COLUMNS = "# probe pid ppid phase sec nsec comm [value]";
  private static final String EXPECTED =
      "expected 'probe pid ppid phase sec nsec comm [n:<value>|s:<text>]'";

  private RecordFormat() {}

  /** One event as a line, without the line separator. */
  static String format(TraceEvent event) {
    StringBuilder line =
        new StringBuilder()
            .append(event.probe().recordName())
            .append(' ')
            .append(event.pid())
            .append(' ')
            .append(event.ppid() == TraceEvent.UNKNOWN_PID ? "-" : Integer.toString(event.ppid()))
            .append(' ')
            .append(event.phase())
            .append(' ')
            .append(Math.floorDiv(event.nanos(), 1_000_000_000L))
            .append(' ')
            .append(Math.floorMod(event.nanos(), 1_000_000_000L))
            .append(' ')
            .append(Escapes.escape(event.comm()));
    if (event.number() != null) {
      line.append(" n:").append(event.number());
    } else if (event.text() != null) {
      line.append(" s:").append(Escapes.escape(event.text()));
    }
    return line.toString();
  }

  /** Whether a file's first line says it is a recording. */
  static boolean recognises(String firstLine) {
    return firstLine.strip().equals(MAGIC);
  }

  /** Reads a whole recording; the first line must be {@link #MAGIC}. */
  static List<TraceEvent> parse(String source, List<String> lines) throws TraceFormatException {
    if (lines.isEmpty() || !recognises(lines.get(0))) {
      throw new TraceFormatException(source, 1, "expected '" + MAGIC + "'");
    }
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      events.add(parseLine(source, i + 1, line));
    }
    return events;
  }

  private static TraceEvent parseLine(String source, int number, String line)
      throws TraceFormatException {
    String[] fields = line.split(" ");
    if (fields.length != 7 && fields.length != 8) {
      throw bad(source, number, line, fields.length + " fields");
    }
    Probe probe = Probe.fromRecordName(fields[0]);
    if (probe == null) {
      throw bad(source, number, line, "unknown probe '" + fields[0] + "'");
    }
    try {
      int pid = Integer.parseInt(fields[1]);
      int ppid = fields[2].equals("-") ? TraceEvent.UNKNOWN_PID : Integer.parseInt(fields[2]);
      int phase = Integer.parseInt(fields[3]);
      long sec = Long.parseLong(fields[4]);
      long nsec = Long.parseLong(fields[5]);
      if (nsec < 0 || nsec >= 1_000_000_000L) {
        throw bad(source, number, line, "nsec " + nsec + " is not in 0..999999999");
      }
      String comm = Escapes.unescape(fields[6]);
      if (comm == null) {
        throw bad(source, number, line, "bad escape in comm '" + fields[6] + "'");
      }
      Long value = null;
      String text = null;
      if (fields.length == 8) {
        String field = fields[7];
        if (field.startsWith("n:")) {
          value = Long.parseLong(field.substring(2));
        } else if (field.startsWith("s:")) {
          text = Escapes.unescape(field.substring(2));
          if (text == null) {
            throw bad(source, number, line, "bad escape in value '" + field + "'");
          }
        } else {
          throw bad(source, number, line, "value '" + field + "' is neither n:<long> nor s:<text>");
        }
      }
      return new TraceEvent(
          probe, pid, ppid, comm, phase, Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), nsec),
          value, text, number);
    } catch (NumberFormatException | ArithmeticException e) {
      throw bad(source, number, line, "not a number: " + e.getMessage());
    }
  }

  private static TraceFormatException bad(String source, int number, String line, String why) {
    return new TraceFormatException(source, number, EXPECTED + "; " + why + " in: " + line);
  }
}
