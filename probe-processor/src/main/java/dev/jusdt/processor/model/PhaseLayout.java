package dev.jusdt.processor.model;

import java.util.List;

/** What a phase-constant probe carries after the phase, chosen by its {@code args}. */
public enum PhaseLayout {
  /** {@code (phase)}. */
  PHASE_ONLY(List.of("phase")),
  /** {@code (phase, value)}, the value a {@code long} or a {@code String} from the caller. */
  PHASE_VALUE(List.of("phase", "value")),
  /** {@code (phase, tv_sec, tv_nsec)} from {@code CLOCK_BOOTTIME}, read in native code. */
  PHASE_BOOTTIME(List.of("phase", "tv_sec", "tv_nsec"));

  private final List<String> argumentNames;

  PhaseLayout(List<String> argumentNames) {
    this.argumentNames = argumentNames;
  }

  /** The probe's argument names, for listings and trace scripts. */
  public List<String> argumentNames() {
    return argumentNames;
  }

  /**
   * The layout for an {@code args} value.
   *
   * @param args 1, 2 or 3
   * @return the layout
   * @throws IllegalArgumentException for any other count; the checker reports it first
   */
  public static PhaseLayout forArgs(int args) {
    return switch (args) {
      case 1 -> PHASE_ONLY;
      case 2 -> PHASE_VALUE;
      case 3 -> PHASE_BOOTTIME;
      default -> throw new IllegalArgumentException("phase probes take 1 to 3 arguments: " + args);
    };
  }
}
