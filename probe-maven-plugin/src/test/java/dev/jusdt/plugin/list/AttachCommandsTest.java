package dev.jusdt.plugin.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.plugin.manifest.ArgumentType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachCommandsTest {

  private static final Path LIBRARY = Path.of("/app/libhaconiwa.so");
  private static final List<ArgumentShape> THREE_LONGS =
      List.of(ArgumentType.LONG, ArgumentType.LONG, ArgumentType.LONG).stream()
          .map(ArgumentShape::of).toList();

  @Test
  void bpftracePrintsEveryArgument() {
    assertThat(AttachCommands.commands(LIBRARY, "haconiwa", "probe-boottime", THREE_LONGS))
        .first()
        .isEqualTo("bpftrace -e 'usdt:/app/libhaconiwa.so:haconiwa:probe-boottime"
            + " { printf(\"%ld %ld %ld\\n\", arg0, arg1, arg2); }'");
  }

  @Test
  void stringsAreReadAsStringsAndUnsignedAsUnsigned() {
    List<ArgumentShape> shapes = List.of(ArgumentType.STRING, ArgumentType.CHAR).stream()
        .map(ArgumentShape::of).toList();

    List<String> commands = AttachCommands.commands(LIBRARY, "app", "open", shapes);

    assertThat(commands.get(0)).isEqualTo("bpftrace -e 'usdt:/app/libhaconiwa.so:app:open"
        + " { printf(\"%s %u\\n\", str(arg0), arg1); }'");
    assertThat(commands.get(1)).isEqualTo(
        "trace -p PID 'u:/app/libhaconiwa.so:app:open \"%s %u\", arg1, arg2'");
    assertThat(commands.get(3)).isEqualTo("stap -e 'probe process(\"/app/libhaconiwa.so\")"
        + ".provider(\"app\").mark(\"open\") { printf(\"%s %d\\n\", user_string($arg1), $arg2) }'");
  }

  @Test
  void bccNumbersArgumentsFromOneAndKnowsLongs() {
    assertThat(AttachCommands.commands(LIBRARY, "haconiwa", "probe-boottime", THREE_LONGS))
        .element(1)
        .isEqualTo("trace -p PID 'u:/app/libhaconiwa.so:haconiwa:probe-boottime"
            + " \"%ld %ld %ld\", arg1, arg2, arg3'");
  }

  @Test
  void gdbListsTheProbe() {
    assertThat(AttachCommands.commands(LIBRARY, "haconiwa", "probe-boottime", THREE_LONGS))
        .element(2)
        .isEqualTo("gdb -p PID -ex 'info probes stap haconiwa probe-boottime'");
  }

  @Test
  void perfIsOfferedForCIdentifiers() {
    List<String> commands = AttachCommands.commands(LIBRARY, "haconiwa", "boot_time", List.of());

    assertThat(commands).hasSize(5);
    assertThat(commands.get(4)).isEqualTo("perf probe -x '/app/libhaconiwa.so'"
        + " sdt_haconiwa:boot_time && perf record -e sdt_haconiwa:boot_time -p PID");
    assertThat(AttachCommands.tools("haconiwa", "boot_time"))
        .isEqualTo("bpftrace, bcc (tplist/trace/USDT()), gdb (info probes), SystemTap, perf");
  }

  @Test
  void perfIsRefusedForADashedNameAndTheListingSaysWhy() {
    assertThat(AttachCommands.commands(LIBRARY, "haconiwa", "probe-boottime", THREE_LONGS))
        .hasSize(4)
        .noneMatch(command -> command.startsWith("perf"));
    assertThat(AttachCommands.tools("haconiwa", "probe-boottime"))
        .isEqualTo("bpftrace, bcc (tplist/trace/USDT()), gdb (info probes), SystemTap;"
            + " not perf: perf 6.1 refuses SDT names that are not C identifiers"
            + " (\"probe-boottime is bad for event name\")");
  }

  @Test
  void perfIsRefusedForADashedProvider() {
    assertThat(AttachCommands.perfRefusal("my-app", "start"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("\"sdt_my-app\""));
  }

  @Test
  void aPathWithAQuoteStaysOneShellWord() {
    assertThat(AttachCommands.quote("/home/o'brien/lib.so"))
        .isEqualTo("'/home/o'\\''brien/lib.so'");
  }
}
