package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code readelf -n} (binutils) prints of a library's SDT notes. */
final class Readelf {

  private static final Pattern NOTE =
      Pattern.compile(
          "Provider: (\\S+)\\n\\s+Name: (\\S+)\\n\\s+Location: (0x[0-9a-f]+), Base: (0x[0-9a-f]+),"
              + " Semaphore: (0x[0-9a-f]+)\\n\\s+Arguments:([^\\n]*)");

  /** One note entry, as readelf prints it. */
  record Note(String provider, String name, long location, long semaphore, List<String> arguments) {

    /** The arguments' size-and-sign prefixes, {@code [-8, -8, 8]} for {@code -8@%rax -8@%rdx 8@%rcx}. */
    List<String> formats() {
      return arguments.stream().map(a -> a.substring(0, a.indexOf('@'))).toList();
    }
  }

  private Readelf() {}

  /** Runs {@code readelf -n} on a file and parses every stapsdt note. */
  static List<Note> notes(Path file) throws Exception {
    Tools.requireTool("readelf", "binutils");
    Tools.Result result = Tools.run(List.of("readelf", "-n", file.toString()));
    assertThat(result.exit()).as(result.output()).isZero();
    List<Note> notes = new ArrayList<>();
    Matcher m = NOTE.matcher(result.output());
    while (m.find()) {
      String args = m.group(6).trim();
      notes.add(
          new Note(
              m.group(1),
              m.group(2),
              Long.decode(m.group(3)),
              Long.decode(m.group(5)),
              args.isEmpty() ? List.of() : List.of(args.split("\\s+"))));
    }
    return notes;
  }

  /** The entries of one probe. */
  static List<Note> of(List<Note> notes, String provider, String name) {
    return notes.stream().filter(n -> n.provider().equals(provider) && n.name().equals(name)).toList();
  }
}
