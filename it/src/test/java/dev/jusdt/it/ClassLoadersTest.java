package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several class loaders, each with its own probe-runtime, load the same generated classes, as
 * ProbeLibrary's Javadoc describes: the first gets the library, a second gets no-op probes and
 * exactly one warning (no UnsatisfiedLinkError escapes), and once the first loader is collected the
 * JVM unloads the library, so a loader created afterwards loads it again and a tracer attached by
 * path sees its probes.
 */
class ClassLoadersTest {

  private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void secondLoaderIsOffWithOneWarningAndALoaderAfterUnloadingWorks(String jdk) throws Exception {
    BpftraceRun.assumeAvailable();
    String java = Tools.java();
    List<String> options = new ArrayList<>();
    if (jdk.equals("Temurin 25")) {
      assumeTrue(Files.isExecutable(TEMURIN_25), "no JDK 25 at " + TEMURIN_25);
      java = TEMURIN_25.toString();
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    StringsFixture fixture = new StringsFixture(dir.resolve("cache"));
    Path library = fixture.library();
    BpftraceRun tracer =
        BpftraceRun.start(
            dir,
            "loaders",
            "usdt:" + library + ":strs:text { printf(\"text %d [%s]\\n\", arg0, str(arg1)); }\n"
                + "usdt:" + library + ":strs:loop { printf(\"loop %d\\n\", arg0); }\n");

    List<String> command = new ArrayList<>(fixture.java());
    command.set(0, java);
    command.addAll(options);
    command.addAll(List.of("-cp", testClasses().toString(), LoaderExperiment.class.getName()));
    StringsFixture.classPath().forEach(jar -> command.add(jar.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the experiment ends").isTrue();
    Thread.sleep(500);
    String seen = tracer.stop();
    String out = Files.readString(dir.resolve("stdout"));
    String err = Files.readString(dir.resolve("stderr"));

    assertThat(process.exitValue()).as(out + err).isZero();
    assertThat(out.lines())
        .containsExactly(
            "loader 1 enabled true",
            "loader 2 enabled false",
            "loader one collected true",
            "library mapped after collection false",
            "loader 3 enabled true",
            "loader 2 enabled false",
            "done");
    // One warning, with the UnsatisfiedLinkError that System.load threw as its cause.
    assertThat(Pattern.compile("WARNING: ").matcher(err).results().count()).as(err).isEqualTo(1);
    assertThat(err)
        .contains("WARNING: jusdt: probes of library 'stringsfixture' are off: ")
        .contains("is already loaded by another class loader in this JVM")
        .contains("java.lang.UnsatisfiedLinkError: Native Library")
        .doesNotContain("Exception in thread");
    assertThat(seen)
        .contains("text 1 [loader 1]\n", "loop 7\n", "text 3 [loader 3]\n")
        .doesNotContain("text 2");
    assertThat(seen.split("loop 7\n", -1)).as("loop fired by loaders one and three").hasSize(3);
  }

  private static Path testClasses() throws Exception {
    return Path.of(LoaderExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
