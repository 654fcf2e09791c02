package dev.jusdt.processor.property;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** gcc and readelf, run on the files a compilation generated. */
final class NativeBuild {

  /** A note entry as readelf prints it. */
  record Note(String provider, String name, long location, long base, long semaphore, String arguments) {}

  /** A finished command. */
  record Result(int exit, String output) {}

  private static final Pattern ADDRESSES =
      Pattern.compile(
          "Location: 0x(\\p{XDigit}+), Base: 0x(\\p{XDigit}+), Semaphore: 0x(\\p{XDigit}+)");

  private NativeBuild() {}

  static void assumeToolchain() {
    for (String[] tool : new String[][] {{"gcc", "gcc"}, {"readelf", "binutils"}}) {
      assumeTrue(onPath(tool[0]), tool[0] + " not found: apt-get install " + tool[1]);
    }
    assumeTrue(
        Files.exists(Path.of("/usr/include/x86_64-linux-gnu/sys/sdt.h"))
            || Files.exists(Path.of("/usr/include/sys/sdt.h")),
        "<sys/sdt.h> not found: apt-get install systemtap-sdt-dev");
  }

  /** The JDK's JNI include directories. */
  static List<String> jniIncludes() {
    Path include = Path.of(System.getProperty("java.home"), "include");
    return List.of("-I" + include, "-I" + include.resolve("linux"));
  }

  static List<Note> readelf(Path file) throws IOException, InterruptedException {
    Result result = run(List.of("readelf", "-n", "--wide", file.toString()));
    if (result.exit() != 0) {
      throw new IOException("readelf -n " + file + " failed:\n" + result.output());
    }
    List<Note> notes = new ArrayList<>();
    String provider = null;
    String name = null;
    long[] addresses = null;
    for (String raw : result.output().split("\n", -1)) {
      String line = raw.strip();
      if (line.contains("Provider: ")) {
        provider = line.substring(line.indexOf("Provider: ") + "Provider: ".length());
      } else if (line.startsWith("Name: ")) {
        name = line.substring("Name: ".length());
      } else if (line.startsWith("Location: ")) {
        Matcher m = ADDRESSES.matcher(line);
        if (!m.matches()) {
          throw new IOException("unexpected readelf line: " + line);
        }
        addresses =
            new long[] {
              Long.parseUnsignedLong(m.group(1), 16),
              Long.parseUnsignedLong(m.group(2), 16),
              Long.parseUnsignedLong(m.group(3), 16)
            };
      } else if (line.startsWith("Arguments:")) {
        notes.add(
            new Note(provider, name, addresses[0], addresses[1], addresses[2],
                line.substring("Arguments:".length()).strip()));
      }
    }
    return notes;
  }

  static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Result(process.exitValue(), output);
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
