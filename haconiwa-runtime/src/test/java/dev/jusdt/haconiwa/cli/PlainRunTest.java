package dev.jusdt.haconiwa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The plain run read without picocli must be what picocli reads, or nothing. */
class PlainRunTest {

  /** What picocli's parse of {@code args} sets, as a PlainRun; empty when picocli rejects them. */
  static Optional<PlainRun> picocli(String[] args) {
    CommandLine line = Haconiwa.commandLine();
    try {
      CommandLine.ParseResult result = line.parseArgs(args);
      if (!result.hasSubcommand() || !result.subcommand().commandSpec().name().equals("run")) {
        return Optional.empty();
      }
      if (result.isUsageHelpRequested() || result.subcommand().isUsageHelpRequested()
          || result.isVersionHelpRequested() || result.subcommand().isVersionHelpRequested()) {
        return Optional.empty();
      }
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
    Haconiwa root = line.getCommand();
    RunCommand run = line.getSubcommands().get("run").getCommand();
    return Optional.of(new PlainRun(root.stateDirectory, run.file, run.name, run.verbose,
        run.command == null ? List.of() : run.command));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "run c.yaml",
      "run /etc/haconiwa/web.yaml -- /bin/sh -c echo",
      "--state-dir /s run --name web -v c.yaml",
      "--state-dir=/s run --verbose --name=web c.yaml -- --help -v --",
      "run c.yaml --",
  })
  void readsTheFormsUsersTypeAsPicocliDoes(String line) {
    String[] args = line.split(" ");

    Optional<PlainRun> plain = PlainRun.parse(args);

    assertThat(plain).isPresent();
    assertThat(plain).isEqualTo(picocli(args));
  }

  @Test
  void keepsTheCommandAfterTheSeparatorWordForWord() {
    PlainRun run = PlainRun.parse(new String[] {"run", "c.yaml", "--", "/bin/sh", "-c", "echo a  b", ""}).orElseThrow();

    assertThat(run.file()).isEqualTo(Path.of("c.yaml"));
    assertThat(run.command()).containsExactly("/bin/sh", "-c", "echo a  b", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "run", "run --help", "run -h c.yaml", "run -V", "help run", "--help", "ps", "run -v -v c.yaml",
      "run --name a --name b c.yaml", "run c.yaml --name web", "run c.yaml /bin/true", "run @args",
      "run --name -v c.yaml", "run -vx c.yaml", "--state-dir run c.yaml", "run -- c.yaml",
  })
  void leavesEverythingElseToPicocli(String line) {
    assertThat(PlainRun.parse(line.split(" "))).isEmpty();
  }

  @Property(tries = 3000)
  void neverReadsArgumentsOtherwiseThanPicocli(@ForAll("argumentLists") List<String> list) {
    String[] args = list.toArray(String[]::new);

    Optional<PlainRun> plain = PlainRun.parse(args);
    Statistics.label("read without picocli").collect(plain.isPresent());
    Statistics.label("read without picocli").coverage(coverage -> coverage.check(true).percentage(p -> p > 2));

    if (plain.isPresent()) {
      assertThat(picocli(args)).as("picocli's reading of %s", list).isEqualTo(plain);
    }
  }

  @Provide
  Arbitrary<List<String>> argumentLists() {
    Arbitrary<String> word = Arbitraries.of(
        "run", "run", "c.yaml", "c.yaml", "--", "--", "-v", "--verbose", "--name", "--name=web", "web",
        "--state-dir", "--state-dir=/s", "/s", "/bin/sh", "-c", "-h", "--help", "-V", "help", "@a", "",
        "--name=", "-vv", "--verbose=true", "a b", "ps");
    // Most lists start as a run does, so that many are plain runs with something odd in them.
    Arbitrary<List<String>> start = Arbitraries.of(List.of(), List.of("run"), List.of("run"), List.of("--state-dir=/s", "run"));
    return Combinators.combine(start, word.list().ofMaxSize(7)).as((head, tail) -> {
      List<String> all = new java.util.ArrayList<>(head);
      all.addAll(tail);
      return all;
    });
  }
}
