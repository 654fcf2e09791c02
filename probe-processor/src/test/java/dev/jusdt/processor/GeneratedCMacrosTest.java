package dev.jusdt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The processor's list of C macros (c-macros.txt) holds every macro that the installed compiler and
 * headers define where generated C fires probes, so none can slip into a note as its value.
 */
class GeneratedCMacrosTest {

  private static final Pattern DEFINE =
      Pattern.compile("^#define ([A-Za-z][A-Za-z0-9_]*)(\\(?)\\S*\\s*(.*)$", Pattern.MULTILINE);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} -std={1}")
  @CsvSource({"gcc, gnu11", "gcc, c99", "clang, gnu11", "clang, c11"})
  void everyMacroInScopeIsListed(String compiler, String std) throws Exception {
    assumeTrue(NativeTools.onPath(compiler), compiler + " not found: apt-get install " + compiler);
    Path jni = Path.of(System.getProperty("java.home"), "include");
    Path source =
        Files.writeString(
            dir.resolve("scope.c"),
            "#define _GNU_SOURCE\n#include <jni.h>\n#include <stdlib.h>\n#include <stdint.h>\n"
                + "#include <time.h>\n#define _SDT_HAS_SEMAPHORES 1\n#include <sys/sdt.h>\n");
    Process process =
        new ProcessBuilder(
                compiler, "-std=" + std, "-E", "-dM", "-I" + jni, "-I" + jni.resolve("linux"),
                source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assumeTrue(!output.contains("sys/sdt.h: No such file"), "apt-get install systemtap-sdt-dev");
    assertThat(process.exitValue()).as(output).isZero();

    Set<String> defined = new TreeSet<>();
    Matcher m = DEFINE.matcher(output);
    while (m.find()) {
      String name = m.group(1);
      boolean reserved = name.startsWith("__") || (name.startsWith("_") && Character.isUpperCase(name.charAt(1)));
      boolean expandsToItself = m.group(2).isEmpty() && m.group(3).equals(name);
      if (!reserved && !expandsToItself) {
        defined.add(name + m.group(2).replace("(", "()"));
      }
    }
    assertThat(defined).as("macros %s -std=%s defines", compiler, std).hasSizeGreaterThan(100);
    assertThat(listed())
        .as("c-macros.txt; add the missing lines")
        .containsAll(defined);
  }

  private static List<String> listed() throws IOException {
    try (InputStream in =
        GeneratedCMacrosTest.class.getResourceAsStream("/dev/jusdt/processor/check/c-macros.txt")) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }

}
