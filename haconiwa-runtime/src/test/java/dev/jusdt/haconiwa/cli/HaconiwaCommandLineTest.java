package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line in-process: usage, help and exit statuses that need no container. */
class HaconiwaCommandLineTest {

  @TempDir Path dir;

  record Outcome(int exit, String out, String err) {}

  Outcome haconiwa(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Haconiwa.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "--state-dir=" + dir.resolve("state");
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = line.execute(all);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void withoutACommandPrintsUsageAndExits2() {
    Outcome outcome = haconiwa();

    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.err()).contains("Usage: haconiwa").contains("run").contains("probes").contains("ps").contains("kill");
  }

  @Test
  void helpListsTheCommandsAndWhatExitStatusesMean() {
    Outcome outcome = haconiwa("--help");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.out()).contains("Exit status:").contains("137: SIGKILL").contains("127");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "probes", "ps", "kill"})
  void everyCommandHasHelp(String command) {
    Outcome outcome = haconiwa(command, "--help");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.out()).startsWith("Usage: haconiwa " + command);
  }

  @Test
  void mainBuildsOnlyTheSubcommandItRuns() {
    assertThat(Haconiwa.commandLine(new String[] {"--state-dir", "/x", "run", "c.yaml"}).getSubcommands())
        .containsOnlyKeys("run");
    assertThat(Haconiwa.commandLine(new String[] {"--state-dir=/x", "ps"}).getSubcommands()).containsOnlyKeys("ps");
    assertThat(Haconiwa.commandLine(new String[] {"trace", "--help"}).getSubcommands()).containsOnlyKeys("trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--help", "-V", "help run", "start", "--state-dir run", "--state-dir=run"})
  void mainBuildsEverySubcommandWhenArgumentsNameNone(String args) {
    String[] split = args.isEmpty() ? new String[0] : args.split(" ");

    assertThat(Haconiwa.commandLine(split).getSubcommands())
        .containsOnlyKeys("run", "probes", "ps", "kill", "trace", "help");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(haconiwa("start").exit()).isEqualTo(2);
  }

  @Test
  void psOfNoContainersPrintsTheHeader() {
    Outcome outcome = haconiwa("ps");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.out()).startsWith("NAME").contains("STATUS").hasLineCount(1);
  }

  @Test
  void killOfAnUnknownContainerExits1() {
    Outcome outcome = haconiwa("kill", "nobody");

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("no container named nobody").contains("haconiwa ps lists them");
  }

  @Test
  void killWithAnUnknownSignalIsAUsageError() {
    Outcome outcome = haconiwa("kill", "-s", "FOO", "web");

    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.err()).contains("unknown signal 'FOO'");
  }

  @Test
  void runOfAMissingFileExits125() {
    Outcome outcome = haconiwa("run", dir.resolve("none.yaml").toString());

    assertThat(outcome.exit()).isEqualTo(125);
    assertThat(outcome.err()).contains("no container file " + dir.resolve("none.yaml"));
  }

  @Test
  void runWithABadNameIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "name: c\nrootfs: /\ncommand: [/bin/true]\n");

    Outcome outcome = haconiwa("run", "--name", "../etc", file.toString());

    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.err()).contains("--name ../etc");
  }

  @Test
  void probesListsEveryPhaseByNameAndTheLibraryPath() {
    Outcome outcome = haconiwa("probes");

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .containsPattern("(?m)^library haconiwa /\\S+/libhaconiwa\\.so$")
        .containsPattern("haconiwa:probe-boottime +phase, tv_sec, tv_nsec +0 CLI_START, 1 START_SV, 2 START_FORK")
        .contains("11 CONTAINER_START")
        .contains("21 CONTAINER_EXECING")
        .contains("123 USER_1")
        .contains("bpftrace -e 'usdt:");
  }

  @Test
  void probesPathPrintsTheFileTracersAttachTo() {
    Outcome outcome = haconiwa("probes", "--path");

    assertThat(outcome.exit()).isZero();
    Path library = Path.of(outcome.out().strip());
    assertThat(library).isRegularFile().hasFileName("libhaconiwa.so");
  }
}
