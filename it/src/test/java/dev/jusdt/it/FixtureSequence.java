package dev.jusdt.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tracing fixture's {@code sequence} mode fires (its {@code Sequence} class), as each
 * generated trace script must print it, and how the tests read the scripts' output.
 */
final class FixtureSequence {

  static final String LIBRARY = "tracingfixture";
  static final String MAIN = "org.example.tracing.Main";
  static final String BPFTRACE_SCRIPT = "META-INF/jusdt/tracingfixture/fixture.bt";
  static final String BCC_SCRIPT = "META-INF/jusdt/tracingfixture/fixture_trace.py";

  /** bpftrace's default string size is 64 bytes, the NUL included. */
  static final int BPFTRACE_STRING_BYTES = 63;

  /** The bcc script reads 256 bytes, the NUL included. */
  static final int BCC_STRING_BYTES = 255;

  static final String MULTI_BYTE = "\u00fc\u20ac\ud83d\ude00 \u65e5\u672c\u8a9e";
  static final String LONG_100 = "0123456789".repeat(10);
  static final String LONG_300 = "abcdefghij".repeat(30);

  /** A bpftrace script line: probe, pid, then the arguments. */
  private static final Pattern BPFTRACE_LINE = Pattern.compile("^(\\S+)\\s+pid=(\\d+)\\s*(.*?)\\s*$");

  /** A bcc script row: TIME(s), COMM, PID, VALUE. */
  static final Pattern BCC_ROW = Pattern.compile("^(\\d+)\\.(\\d{9})\\s+(\\S+)\\s+(\\d+)\\s+(.*)$");

  private FixtureSequence() {}

  /** Argument k of argsN: alternating signs, distinct values. */
  static long value(int n, int k) {
    return (k % 2 == 1 ? -1 : 1) * (100L * n + k);
  }

  /** What fixture.bt prints, pids dropped, times replaced as {@link #normalize} does. */
  static List<String> bpftraceLines() {
    List<String> lines = new ArrayList<>();
    lines.add("args1 a1=" + Long.MIN_VALUE);
    lines.add("args1 a1=" + Long.MAX_VALUE);
    lines.add("args1 a1=-1");
    lines.add("args1 a1=0");
    for (int n = 0; n <= 12; n++) {
      StringBuilder line = new StringBuilder("args" + n);
      for (int k = 1; k <= n; k++) {
        // bpftrace 0.17 reads at most six USDT arguments; the script prints the rest as ?.
        line.append(" a").append(k).append('=').append(k <= 6 ? Long.toString(value(n, k)) : "?");
      }
      lines.add(line.toString());
    }
    lines.add("types i=-2147483648 s=-32768 b=-128 c=65535 z=1");
    lines.add("types i=2147483647 s=32767 b=127 c=0 z=0");
    lines.add("types i=-1 s=-1 b=-1 c=233 z=1");
    lines.add("text id=1 s=\"hello, tracer\"");
    lines.add("text id=2 s=\"" + MULTI_BYTE + "\"");
    lines.add("text id=3 s=\"\"");
    lines.add("text id=4 s=\"\"");
    lines.add("text id=5 s=\"" + LONG_100.substring(0, BPFTRACE_STRING_BYTES) + "\"");
    lines.add("text id=6 s=\"" + LONG_300.substring(0, BPFTRACE_STRING_BYTES) + "\"");
    lines.add("boot phase=PHASE_INIT(1) sec=S nsec=N first phase of this process");
    lines.add("step phase=STEP_BEGIN(10)");
    lines.add("boot phase=PHASE_CONFIGURED(2) sec=S nsec=N +T ms since PHASE_INIT");
    // bpftrace cannot tell the long site of fixture:note from the String site: it prints both.
    lines.add("note phase=NOTE_COUNT(20) value=-7|\"\"");
    lines.add("note phase=NOTE_TEXT(21) value=ADDRESS|\"seven\"");
    lines.add("step phase=STEP_END(11)");
    lines.add("boot phase=PHASE_SERVING(3) sec=S nsec=N +T ms since PHASE_CONFIGURED");
    return lines;
  }

  /** What fixture_trace.py prints in its VALUE column, times replaced as {@link #normalize} does. */
  static List<String> bccValues() {
    List<String> values = new ArrayList<>();
    values.add("args1 a1:" + Long.MIN_VALUE);
    values.add("args1 a1:" + Long.MAX_VALUE);
    values.add("args1 a1:-1");
    values.add("args1 a1:0");
    for (int n = 0; n <= 12; n++) {
      StringBuilder value = new StringBuilder("args" + n);
      for (int k = 1; k <= n; k++) {
        value.append(k == 1 ? " " : ",").append('a').append(k).append(':').append(value(n, k));
      }
      values.add(value.toString());
    }
    values.add("types i:-2147483648,s:-32768,b:-128,c:65535,z:1");
    values.add("types i:2147483647,s:32767,b:127,c:0,z:0");
    values.add("types i:-1,s:-1,b:-1,c:233,z:1");
    values.add("text id:1,s:\"hello, tracer\"");
    values.add("text id:2,s:\"" + MULTI_BYTE + "\"");
    values.add("text id:3,s:\"\"");
    values.add("text id:4,s:\"\"");
    values.add("text id:5,s:\"" + LONG_100 + "\"");
    values.add("text id:6,s:\"" + LONG_300.substring(0, BCC_STRING_BYTES) + "\"");
    values.add("phase:1,sec:S,nsec:N PHASE_INIT (first phase of this process)");
    values.add("phase:10 STEP_BEGIN");
    values.add("phase:2,sec:S,nsec:N PHASE_CONFIGURED +T ms since PHASE_INIT");
    values.add("phase:20,value:-7 NOTE_COUNT");
    values.add("phase:21,value:\"seven\" NOTE_TEXT");
    values.add("phase:11 STEP_END");
    values.add("phase:3,sec:S,nsec:N PHASE_SERVING +T ms since PHASE_CONFIGURED");
    return values;
  }

  /**
   * The firings a bpftrace script printed, as {@code probe args...}, checking each came from
   * {@code pid}.
   */
  static List<String> bpftraceFirings(List<String> output, long pid) {
    List<String> firings = new ArrayList<>();
    for (String line : output) {
      Matcher m = BPFTRACE_LINE.matcher(line);
      if (m.matches()) {
        if (Long.parseLong(m.group(2)) != pid) {
          throw new AssertionError("a firing from pid " + m.group(2) + ", not " + pid + ": " + line);
        }
        firings.add(normalize(m.group(3).isEmpty() ? m.group(1) : m.group(1) + " " + m.group(3)));
      }
    }
    return firings;
  }

  /** The VALUE column of every row a bcc script printed, checking each came from {@code pid}. */
  static List<String> bccValues(List<String> output, long pid) {
    List<String> values = new ArrayList<>();
    for (String line : output) {
      Matcher m = BCC_ROW.matcher(line);
      if (m.matches()) {
        if (Long.parseLong(m.group(4)) != pid) {
          throw new AssertionError("a firing from pid " + m.group(4) + ", not " + pid + ": " + line);
        }
        values.add(normalize(m.group(5)));
      }
    }
    return values;
  }

  /**
   * Replaces what differs from run to run: times (a later phase must be later, "+"), and the
   * address bpftrace prints for a String it also reads as a number.
   */
  static String normalize(String line) {
    return line.replaceAll("sec=\\d+ nsec=\\d{9}", "sec=S nsec=N")
        .replaceAll("sec:\\d+,nsec:\\d+", "sec:S,nsec:N")
        .replaceAll("\\+\\d+\\.\\d{6} ms since", "+T ms since")
        .replaceAll("value=\\d+\\|\"seven\"", "value=ADDRESS|\"seven\"");
  }
}
