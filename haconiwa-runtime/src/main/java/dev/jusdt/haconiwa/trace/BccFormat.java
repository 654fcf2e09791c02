package dev.jusdt.haconiwa.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of the source document's bcc script ({@code trace_usdt.py}): lines before the header
 * are its preamble, then one firing a line.
 *
 * <pre>
 * TIME(s)            COMM     PID    VALUE
 * 102935.157180000   haconiwa 28810  phase:11,sec:102949,nsec:990286467
 * </pre>
 *
 * <p>{@code TIME(s)} is the tracer's clock and is not used: the phase times are the probe's own
 * {@code sec}/{@code nsec}. The probe is not named, so sides follow the phase number, and parents
 * are not known. A line {@code ...} (output left out, as in the document) is skipped.
 */
final class BccFormat {

  private static final Pattern HEADER = Pattern.compile("\\s*TIME\\(s\\)\\s+COMM\\s+PID\\s+VALUE\\s*");
  private static final Pattern EVENT =
      Pattern.compile(
          "\\s*(\\d+\\.\\d+)\\s+(.+?)\\s+(\\d+)\\s+phase:(-?\\d+),sec:(\\d+),nsec:(\\d+)\\s*");
  private static final String EXPECTED =
      "expected 'TIME(s) COMM PID phase:<n>,sec:<s>,nsec:<ns>' (bcc output)";

  private BccFormat() {}

  /** The index of the header line, or -1. */
  static int headerIndex(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (HEADER.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  static List<TraceEvent> parse(String source, List<String> lines) throws TraceFormatException {
    int header = headerIndex(lines);
    if (header < 0) {
      throw new TraceFormatException(source, 1, "no bcc header 'TIME(s) COMM PID VALUE'");
    }
    List<TraceEvent> events = new ArrayList<>();
    for (int i = header + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.strip().equals("...")) {
        continue;
      }
      Matcher m = EVENT.matcher(line);
      if (!m.matches()) {
        throw new TraceFormatException(source, i + 1, EXPECTED + ", got: " + line);
      }
      try {
        long nsec = Long.parseLong(m.group(6));
        if (nsec >= 1_000_000_000L) {
          throw new TraceFormatException(
              source, i + 1, "nsec " + nsec + " is not in 0..999999999: " + line);
        }
        long nanos = Math.addExact(Math.multiplyExact(Long.parseLong(m.group(5)), 1_000_000_000L), nsec);
        events.add(
            new TraceEvent(
                Probe.UNKNOWN,
                Integer.parseInt(m.group(3)),
                TraceEvent.UNKNOWN_PID,
                m.group(2),
                Integer.parseInt(m.group(4)),
                nanos,
                null,
                null,
                i + 1));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new TraceFormatException(source, i + 1, "number out of range in: " + line);
      }
    }
    return events;
  }
}
