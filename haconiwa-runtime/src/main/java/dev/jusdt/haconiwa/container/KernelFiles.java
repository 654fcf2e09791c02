package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads procfs, sysfs and cgroupfs files. Not with {@code Files.readString}: it sizes its read
 * by the file's size, which these files report as 0 or 4096, and a sysctl such as {@code
 * /proc/sys/kernel/cap_last_cap} then comes back cut ("4" instead of "40").
 */
final class KernelFiles {

  private KernelFiles() {}

  /**
   * The file's lines, from one {@link #read}: {@code Files.readAllLines} decodes through a
   * {@code BufferedReader}, line by line, which on a boot's interpreted path cost more than the
   * rest of the parsing (a tenth of a JDK 17 boot's Java time for mountinfo).
   */
  static List<String> lines(Path file) throws IOException {
    String text = read(file);
    List<String> lines = new ArrayList<>();
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lines.add(text.substring(start, end));
    }
    return lines;
  }

  static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
