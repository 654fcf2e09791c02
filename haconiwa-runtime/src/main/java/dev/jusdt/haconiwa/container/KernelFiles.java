package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads procfs, sysfs and cgroupfs files. Not with {@code Files.readString}: it sizes its read
 * by the file's size, which these files report as 0 or 4096, and a sysctl such as {@code
 * /proc/sys/kernel/cap_last_cap} then comes back cut ("4" instead of "40").
 */
final class KernelFiles {

  private KernelFiles() {}

  static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
