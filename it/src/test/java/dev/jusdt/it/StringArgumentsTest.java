package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The String arguments that are hard on native code (null, empty, 1 MiB, unpaired surrogates, an
 * embedded NUL, a character outside the BMP, lengths around the 256-byte stack copy) neither crash
 * the JVM nor bpftrace, and bpftrace sees what README.md documents.
 */
class StringArgumentsTest {

  @TempDir Path dir;

  @Test
  void bpftraceSeesWhatTheReadmeDocuments() throws Exception {
    BpftraceRun.assumeAvailable();
    StringsFixture fixture = new StringsFixture(dir.resolve("cache"));
    Path library = fixture.library();
    String probe = "usdt:" + library + ":strs:";
    // str() stops at a NUL or after 63 bytes; reading at an offset shows what lies further on.
    String script =
        probe + "text {\n"
            + "  printf(\"text %d [%s]\\n\", arg0, str(arg1));\n"
            + "  if (arg0 == 3) { printf(\"text 3 tail [%s]\\n\", str(arg1 + 1048573)); }\n"
            + "  if (arg0 == 5) { printf(\"text 5 after NUL [%s]\\n\", str(arg1 + 3)); }\n"
            + "  if (arg0 >= 7) { printf(\"text %d tail [%s]\\n\", arg0, str(arg1 + 250)); }\n"
            + "}\n"
            + probe + "pair {\n"
            + "  printf(\"pair %d [%s] [%s]\\n\", arg0, str(arg1), str(arg2));\n"
            + "  if (arg0 == 10) { printf(\"pair 10 tail [%s]\\n\", str(arg2 + 1048573)); }\n"
            + "}\n"
            + probe + "loop { printf(\"loop %d\\n\", arg0); }\n";
    BpftraceRun tracer = BpftraceRun.start(dir, "strings", script);

    Tools.Result run =
        Tools.run(fixture.java("-cp", StringsFixture.classPathString(), "org.example.strings.FireStrings"));
    Thread.sleep(500);
    String seen = tracer.stop();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("fired").doesNotContain("WARNING");
    String a63 = "a".repeat(63);
    String x63 = "x".repeat(63);
    assertThat(seen.lines().filter(line -> !line.isBlank() && !line.startsWith("Attaching")).toList())
        .containsExactly(
            "text 1 []",
            "text 2 []",
            "text 3 [" + a63 + "]",
            "text 3 tail [END]",
            "text 4 [a?b?c]",
            "text 5 [ab]",
            "text 5 after NUL [cd]",
            "text 6 [\uD83D\uDE00 \u00FC]",
            "text 7 [" + x63 + "]",
            "text 7 tail [xxxxx]",
            "text 8 [" + x63 + "]",
            "text 8 tail [xxxxxx]",
            "text 9 [" + x63 + "]",
            "text 9 tail [xxxxxxx]",
            "pair 10 [] [" + a63 + "]",
            "pair 10 tail [END]",
            "pair 11 [" + x63 + "] []",
            "loop 7",
            "loop 7",
            "loop 7");
  }
}
