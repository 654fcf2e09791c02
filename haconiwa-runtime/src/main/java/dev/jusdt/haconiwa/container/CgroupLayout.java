package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringTokenizer;

/**
 * Where this machine's cgroup hierarchies are mounted and which controllers each has, from
 * {@code /proc/self/mountinfo}: cgroup v1 hierarchies (one per controller, or co-mounted), and
 * the cgroup v2 tree, whose controllers are in its {@code cgroup.controllers}.
 */
final class CgroupLayout {

  /**
   * One mounted hierarchy.
   *
   * @param mountPoint where it is mounted
   * @param controllers its controllers (v1: from the mount options; v2: cgroup.controllers)
   * @param unified whether it is cgroup v2
   */
  record Hierarchy(Path mountPoint, Set<String> controllers, boolean unified) {}

  private final List<Hierarchy> hierarchies;

  CgroupLayout(List<Hierarchy> hierarchies) {
    this.hierarchies = List.copyOf(hierarchies);
  }

  static CgroupLayout current() throws IOException {
    return parse(KernelFiles.lines(Path.of("/proc/self/mountinfo")));
  }

  /** Reads mountinfo lines; a v2 mount's controllers are read from its cgroup.controllers. */
  static CgroupLayout parse(List<String> mountinfo) {
    List<Hierarchy> hierarchies = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (String line : mountinfo) {
      int dash = line.indexOf(" - ");
      // Only cgroup mounts are split up (a boot reads the whole table, interpreted).
      if (dash < 0 || !line.startsWith(" - cgroup", dash)) {
        continue;
      }
      String[] before = line.substring(0, dash).split(" ");
      String[] after = line.substring(dash + 3).split(" ");
      if (before.length < 5 || after.length < 3) {
        continue;
      }
      Path mountPoint = Path.of(unescape(before[4]));
      String type = after[0];
      if (type.equals("cgroup2") && seen.add(mountPoint)) {
        hierarchies.add(new Hierarchy(mountPoint, unifiedControllers(mountPoint), true));
      } else if (type.equals("cgroup") && seen.add(mountPoint)) {
        Set<String> controllers = new LinkedHashSet<>();
        for (String option : after[2].split(",")) {
          if (!option.equals("rw") && !option.equals("ro") && !option.contains("=")) {
            controllers.add(option);
          }
        }
        hierarchies.add(new Hierarchy(mountPoint, controllers, false));
      }
    }
    return new CgroupLayout(hierarchies);
  }

  private static Set<String> unifiedControllers(Path mountPoint) {
    try {
      String text = KernelFiles.read(mountPoint.resolve("cgroup.controllers")).trim();
      // StringTokenizer, not split("\\s+"): a regular expression's character classes are lambdas.
      Set<String> controllers = new LinkedHashSet<>();
      for (StringTokenizer words = new StringTokenizer(text); words.hasMoreTokens(); ) {
        controllers.add(words.nextToken());
      }
      return controllers;
    } catch (IOException e) {
      return Set.of();
    }
  }

  /** mountinfo writes space, tab, newline and backslash as octal escapes. */
  private static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  List<Hierarchy> hierarchies() {
    return hierarchies;
  }

  /**
   * Where a controller lives: a v1 hierarchy if there is one (here, the machine's memory and
   * pids are v1 only), else the v2 tree if it offers it.
   */
  Optional<Hierarchy> forController(String controller) {
    Optional<Hierarchy> v1 = first(false, controller);
    return v1.isPresent() ? v1 : first(true, controller);
  }

  /**
   * The hierarchy that tracks every process of a container, for killing them all: v2 if
   * mounted (it has cgroup.kill), else the v1 pids hierarchy, else any v1 hierarchy.
   */
  Optional<Hierarchy> tracking() {
    Optional<Hierarchy> unified = first(true, null);
    if (unified.isPresent()) {
      return unified;
    }
    Optional<Hierarchy> pids = forController("pids");
    return pids.isPresent() || hierarchies.isEmpty() ? pids : Optional.of(hierarchies.get(0));
  }

  // Loops, not streams: a boot would load and link the stream machinery for these alone.
  private Optional<Hierarchy> first(boolean unified, String controller) {
    for (Hierarchy hierarchy : hierarchies) {
      if (hierarchy.unified() == unified && (controller == null || hierarchy.controllers().contains(controller))) {
        return Optional.of(hierarchy);
      }
    }
    return Optional.empty();
  }
}
