package dev.jusdt.haconiwa.container;

import dev.jusdt.haconiwa.probe.Phases;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Names of phases by number, from the constants of {@link Phases}: 21 is CONTAINER_EXECING. */
final class PhaseNames {

  private static final Map<Integer, String> NAMES = names();

  private PhaseNames() {}

  static String of(int phase) {
    return NAMES.getOrDefault(phase, "PHASE_" + phase);
  }

  private static Map<Integer, String> names() {
    Map<Integer, String> names = new HashMap<>();
    for (Field field : Phases.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class && field.getName().startsWith("PHASE_")) {
        try {
          names.put(field.getInt(null), field.getName().substring("PHASE_".length()));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return Map.copyOf(names);
  }
}
