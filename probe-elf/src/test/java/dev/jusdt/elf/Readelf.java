package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code readelf -n} and parses the SDT probes it prints, the reference the reader is held to
 * field by field.
 */
final class Readelf {

  private static final Pattern ADDRESSES =
      Pattern.compile(
          "Location: 0x(\\p{XDigit}+), Base: 0x(\\p{XDigit}+), Semaphore: 0x(\\p{XDigit}+)");

  private Readelf() {}

  /** The probes of {@code file} as readelf sees them, in its order. */
  static List<SdtProbeText> probes(Path file) throws IOException {
    NativeTools.Result result =
        NativeTools.run(List.of("readelf", "-n", "--wide", file.toString()));
    if (result.exitCode != 0) {
      throw new IOException("readelf -n " + file + " failed:\n" + result.output);
    }
    List<SdtProbeText> probes = new ArrayList<>();
    String provider = null;
    String name = null;
    long[] addresses = null;
    for (String raw : result.output.split("\n", -1)) {
      String line = raw.strip();
      if (line.contains("Provider: ")) {
        // With --wide, readelf puts the provider on the note's own line, after a tab.
        provider = line.substring(line.indexOf("Provider: ") + "Provider: ".length());
      } else if (line.startsWith("Name: ")) {
        name = line.substring("Name: ".length());
      } else if (line.startsWith("Location: ")) {
        Matcher m = ADDRESSES.matcher(line);
        assertThat(m.matches()).as("readelf line %s", line).isTrue();
        addresses =
            new long[] {
              Long.parseUnsignedLong(m.group(1), 16),
              Long.parseUnsignedLong(m.group(2), 16),
              Long.parseUnsignedLong(m.group(3), 16)
            };
      } else if (line.startsWith("Arguments:")) {
        String arguments = line.substring("Arguments:".length()).strip();
        probes.add(
            new SdtProbeText(provider, name, addresses[0], addresses[1], addresses[2], arguments));
        provider = null;
        name = null;
        addresses = null;
      }
    }
    return probes;
  }

  /**
   * Asserts that the reader and readelf see the same probes, field for field and in the same order,
   * and returns the reader's.
   */
  static List<SdtProbe> assertReaderAgrees(Path file) throws Exception {
    List<SdtProbe> probes = ElfNoteReader.readProbes(file);
    assertThat(probes.stream().map(SdtProbeText::of).toList())
        .as("probes of %s, reader vs. readelf -n", file)
        .containsExactlyElementsOf(probes(file));
    return probes;
  }

  /** The fields readelf prints for one probe, arguments as one raw string. */
  record SdtProbeText(
      String provider, String name, long location, long base, long semaphore, String arguments) {

    static SdtProbeText of(SdtProbe probe) {
      return new SdtProbeText(
          probe.provider(),
          probe.name(),
          probe.location(),
          probe.base(),
          probe.semaphore(),
          probe.argumentText());
    }
  }
}
