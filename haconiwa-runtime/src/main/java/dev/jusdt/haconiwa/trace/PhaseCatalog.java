package dev.jusdt.haconiwa.trace;

import dev.jusdt.haconiwa.probe.Phases;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names, sides and boot order of the phases, read from the constants of {@link Phases} so a new
 * constant shows up by name without touching the report.
 */
final class PhaseCatalog {

  private static final String PREFIX = "PHASE_";

  /** The order phases fire in during one boot; unknown phases sort after these, by number. */
  private static final List<Integer> BOOT_ORDER =
      List.of(0, 1, 31, 32, 2, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 3, 4, 5, 6);

  private static final Map<Integer, String> NAMES = readNames();

  private PhaseCatalog() {}

  /** The constant's name without {@code PHASE_}, e.g. {@code CONTAINER_START}, or {@code PHASE_<n>}. */
  static String name(int phase) {
    return NAMES.getOrDefault(phase, PREFIX + phase);
  }

  /**
   * The side of a phase: from the probe when the trace names it, else from the number as the
   * source document reads it ({@code 11 <= n < 100} is the child, except the network phases 31
   * and 32; 100 and up are user hooks).
   */
  static Side side(Probe probe, int phase) {
    switch (probe) {
      case BOOTTIME:
        return Side.RUNTIME;
      case CONTAINERGEN:
        return Side.CHILD;
      case MISC:
        return Side.HOOK;
      default:
        if (phase >= 100) {
          return Side.HOOK;
        }
        return phase >= 11 && phase != 31 && phase != 32 ? Side.CHILD : Side.RUNTIME;
    }
  }

  /** A key that sorts phases in boot order. */
  static int rank(int phase) {
    int index = BOOT_ORDER.indexOf(phase);
    return index >= 0 ? index : BOOT_ORDER.size() + phase;
  }

  static final int FORK = Phases.PHASE_START_FORK;
  static final int EXEC = Phases.PHASE_CONTAINER_EXECING;
  static final int CLEANUP = Phases.PHASE_CLEANUP;

  private static Map<Integer, String> readNames() {
    Map<Integer, String> names = new HashMap<>();
    for (Field field : Phases.class.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && field.getType() == int.class
          && field.getName().startsWith(PREFIX)) {
        try {
          names.put(field.getInt(null), field.getName().substring(PREFIX.length()));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("public constant not readable: " + field, e);
        }
      }
    }
    return Map.copyOf(names);
  }
}
