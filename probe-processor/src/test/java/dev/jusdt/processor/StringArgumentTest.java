package dev.jusdt.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated C turns a Java {@code String} into the bytes {@code String.getBytes(UTF_8)} gives
 * (standard UTF-8, unpaired surrogates as {@code ?}), as far as a C reader sees it (up to an
 * embedded NUL; the it module's StringArgumentsTest reads past one with bpftrace), on the stack or
 * the heap. Checked by compiling the generated source into a harness whose {@code JNIEnv} serves the
 * string's UTF-16 units, as the JVM's {@code GetStringRegion} would, and only those: the length
 * comes from Java, and the harness offers no {@code GetStringLength} to call.
 */
class StringArgumentTest {

  private static final String HARNESS =
      """
      #include "haconiwa_probes.c"
      #include <stdio.h>
      #include <string.h>

      static jchar units[4096];
      static jsize count;

      static void JNICALL region(JNIEnv *env, jstring s, jsize start, jsize n, jchar *buf) {
        (void)env;
        (void)s;
        memcpy(buf, units + start, (size_t)n * sizeof(jchar));
      }

      /* Each line: "null", or the string's UTF-16 units in hex; prints the C string in hex. */
      int main(void) {
        struct JNINativeInterface_ functions;
        memset(&functions, 0, sizeof(functions));
        functions.GetStringRegion = region;
        JNIEnv env = &functions;
        char line[65536];
        while (fgets(line, sizeof(line), stdin) != NULL) {
          char stack[JUSDT_STACK_STRING];
          char *heap;
          const char *c;
          if (strncmp(line, "null", 4) == 0) {
            c = jusdt_string(&env, NULL, 0, stack, &heap);
          } else {
            unsigned value;
            int used;
            char *p = line;
            count = 0;
            while (sscanf(p, "%x%n", &value, &used) == 1) {
              units[count++] = (jchar)value;
              p += used;
            }
            /* The length as the generated Java passes it: String.length(). */
            c = jusdt_string(&env, (jstring)&env, count, stack, &heap);
          }
          printf("%s ", heap != NULL ? "heap" : "stack");
          for (const char *b = c; *b != '\\0'; b++) {
            printf("%02x", (unsigned char)*b);
          }
          printf("\\n");
          free(heap);
        }
        return 0;
      }
      """;

  @TempDir static Path dir;

  @BeforeAll
  static void generate() throws IOException {
    Sources.writeExampleC(dir);
    Files.writeString(dir.resolve("harness.c"), HARNESS);
  }

  // -O1 is what probe:compile uses for generated C; -O2, what a hand-written build may use.
  @ParameterizedTest
  @ValueSource(strings = {"-O1", "-O2"})
  void stringsArriveAsTheirStandardUtf8(String optimisation) throws Exception {
    NativeTools.requireCompilerAndSdtHeader("gcc");
    Path jni = Path.of(System.getProperty("java.home"), "include");
    Path harness = dir.resolve("harness" + optimisation);
    Result build = run(null, "gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", optimisation,
        "-I" + jni, "-I" + jni.resolve("linux"), "-I" + dir, "-o", harness.toString(),
        dir.resolve("harness.c").toString());
    assertThat(build.output()).isEmpty();

    List<String> strings = List.of(
        "",
        "hello, world",
        "/index.html?q=é",
        "€ and ✓",
        "\uD83D\uDE00 a pair",
        "unpaired high \uD800 in the middle",
        "unpaired low \uDC00",
        "high at the end \uDBFF",
        "before NUL\0after NUL",
        "€".repeat(85),
        "€".repeat(86),
        "x".repeat(1000) + "\uD83D\uDE00");
    StringBuilder input = new StringBuilder("null\n");
    for (String s : strings) {
      s.chars().forEach(unit -> input.append(Integer.toHexString(unit)).append(' '));
      input.append('\n');
    }
    List<String> lines = run(input.toString(), harness.toString()).output().lines().toList();

    assertThat(lines.get(0)).isEqualTo("stack ");
    for (int i = 0; i < strings.size(); i++) {
      String s = strings.get(i);
      int nul = s.indexOf('\0');
      byte[] expected = (nul < 0 ? s : s.substring(0, nul)).getBytes(StandardCharsets.UTF_8);
      String where = s.length() > 85 ? "heap " : "stack ";
      assertThat(lines.get(i + 1)).as(s).isEqualTo(where + HexFormat.of().formatHex(expected));
    }
  }

  record Result(int exit, String output) {}

  private static Result run(String input, String... command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      if (input != null) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return new Result(process.exitValue(), output);
  }

}
