package dev.jusdt.plugin.list;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ready-to-paste commands that attach each tracer to one probe; pure, so their syntax is tested.
 */
final class AttachCommands {

  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AttachCommands() {}

  /**
   * Why perf cannot attach to a probe.
   *
   * @param provider the probe's provider
   * @param name the probe's name
   * @return empty if perf can, else the reason
   */
  static Optional<String> perfRefusal(String provider, String name) {
    // perf turns an SDT probe into the event sdt_<provider>:<name> and, up to at least 6.1,
    // rejects event and group names that are not C identifiers.
    if (!C_IDENTIFIER.matcher(name).matches()) {
      return Optional.of("perf 6.1 refuses SDT names that are not C identifiers (\"" + name
          + " is bad for event name\")");
    }
    if (!C_IDENTIFIER.matcher(provider).matches()) {
      return Optional.of("perf 6.1 refuses SDT providers that are not C identifiers (its event"
          + " group would be \"sdt_" + provider + "\")");
    }
    return Optional.empty();
  }

  /**
   * The tools that can attach, for the listing.
   *
   * @param provider the probe's provider
   * @param name the probe's name
   * @return e.g. {@code bpftrace, bcc (tplist/trace/USDT()), gdb (info probes), SystemTap, perf}
   */
  static String tools(String provider, String name) {
    String always = "bpftrace, bcc (tplist/trace/USDT()), gdb (info probes), SystemTap";
    return perfRefusal(provider, name)
        .map(reason -> always + "; not perf: " + reason)
        .orElse(always + ", perf");
  }

  /**
   * One command per tool.
   *
   * @param library the library file to attach to
   * @param provider the probe's provider
   * @param name the probe's name
   * @param arguments the probe's arguments, for the printf formats
   * @return bpftrace, bcc {@code trace}, gdb, SystemTap and, if it can, perf
   */
  static List<String> commands(
      Path library, String provider, String name, List<ArgumentShape> arguments) {
    String path = library.toString();
    List<String> commands = new ArrayList<>();
    commands.add(bpftrace(path, provider, name, arguments));
    commands.add(bccTrace(path, provider, name, arguments));
    commands.add("gdb -p PID -ex " + quote("info probes stap " + provider + " " + name));
    commands.add(systemTap(path, provider, name, arguments));
    if (perfRefusal(provider, name).isEmpty()) {
      String event = "sdt_" + provider + ":" + name;
      // perf probe -x reads the note itself; no perf buildid-cache step is needed.
      commands.add("perf probe -x " + quote(path) + " " + event + " && perf record -e " + event
          + " -p PID");
    }
    return commands;
  }

  private static String bpftrace(
      String path, String provider, String name, List<ArgumentShape> arguments) {
    StringBuilder format = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < arguments.size(); i++) {
      ArgumentShape argument = arguments.get(i);
      // bpftrace 0.17 prints only the low 32 bits of an argument with %d or %u.
      String conversion =
          argument.string() ? "%s"
              : argument.size() == 8 ? (argument.signed() ? "%ld" : "%lu")
              : argument.signed() ? "%d" : "%u";
      format.append(i == 0 ? "" : " ").append(conversion);
      values.append(", ").append(argument.string() ? "str(arg" + i + ")" : "arg" + i);
    }
    String program = "usdt:" + path + ":" + provider + ":" + name + " { printf(\"" + format
        + "\\n\"" + values + "); }";
    return "bpftrace -e " + quote(program);
  }

  private static String bccTrace(
      String path, String provider, String name, List<ArgumentShape> arguments) {
    StringBuilder format = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < arguments.size(); i++) {
      ArgumentShape argument = arguments.get(i);
      String conversion =
          argument.string() ? "%s"
              : argument.size() == 8 ? (argument.signed() ? "%ld" : "%lu")
              : argument.signed() ? "%d" : "%u";
      format.append(i == 0 ? "" : " ").append(conversion);
      // bcc numbers USDT arguments from 1.
      values.append(", arg").append(i + 1);
    }
    String probe = "u:" + path + ":" + provider + ":" + name
        + (arguments.isEmpty() ? "" : " \"" + format + "\"" + values);
    // Semaphore probes in a shared library can be enabled by bcc only in one process.
    return "trace -p PID " + quote(probe);
  }

  private static String systemTap(
      String path, String provider, String name, List<ArgumentShape> arguments) {
    StringBuilder format = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < arguments.size(); i++) {
      ArgumentShape argument = arguments.get(i);
      format.append(i == 0 ? "" : " ").append(argument.string() ? "%s" : "%d");
      values.append(", ")
          .append(argument.string() ? "user_string($arg" + (i + 1) + ")" : "$arg" + (i + 1));
    }
    String script = "probe process(\"" + path + "\").provider(\"" + provider + "\").mark(\""
        + name + "\") { printf(\"" + format + "\\n\"" + values + ") }";
    return "stap -e " + quote(script);
  }

  /**
   * Single-quotes a word for a POSIX shell.
   *
   * @param word any text
   * @return the word in single quotes, each {@code '} written as {@code '\''}
   */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
