package dev.jusdt.haconiwa.container;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Linux signal names and numbers (x86_64 and arm64 share them). */
public final class Signals {

  private static final List<String> NAMES =
      List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  /** SIGKILL. */
  public static final int KILL = 9;

  /** SIGTERM. */
  public static final int TERM = 15;

  private Signals() {}

  /**
   * A signal's name.
   *
   * @param signal its number
   * @return {@code SIGKILL} for 9, {@code SIGRTMIN+2} for 36, {@code signal 99} otherwise
   */
  public static String name(int signal) {
    if (signal > 0 && signal < NAMES.size()) {
      return "SIG" + NAMES.get(signal);
    }
    if (signal >= 34 && signal <= 64) {
      return "SIGRTMIN+" + (signal - 34);
    }
    return "signal " + signal;
  }

  /**
   * A signal by name or number.
   *
   * @param text {@code KILL}, {@code SIGKILL}, {@code kill} or {@code 9}
   * @return its number, or empty if there is no such signal
   */
  public static OptionalInt parse(String text) {
    if (text.matches("\\d{1,2}")) {
      int number = Integer.parseInt(text);
      return number >= 1 && number <= 64 ? OptionalInt.of(number) : OptionalInt.empty();
    }
    String upper = text.toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
    int index = NAMES.indexOf(bare);
    return index > 0 ? OptionalInt.of(index) : OptionalInt.empty();
  }
}
