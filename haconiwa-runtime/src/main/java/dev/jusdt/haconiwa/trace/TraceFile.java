package dev.jusdt.haconiwa.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a recorded trace of either format, telling them apart by their first lines. */
final class TraceFile {

  private TraceFile() {}

  static List<TraceEvent> read(Path file) throws IOException, TraceFormatException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static List<TraceEvent> parse(String source, List<String> lines) throws TraceFormatException {
    if (!lines.isEmpty() && RecordFormat.recognises(lines.get(0))) {
      return RecordFormat.parse(source, lines);
    }
    if (BccFormat.headerIndex(lines) >= 0) {
      return BccFormat.parse(source, lines);
    }
    throw new TraceFormatException(
        source,
        1,
        "not a haconiwa trace: expected '"
            + RecordFormat.MAGIC
            + "' (a file from haconiwa trace --record) or bcc output with the header"
            + " 'TIME(s) COMM PID VALUE'");
  }
}
