package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Mount;
import dev.jusdt.haconiwa.config.ContainerSpec.MountType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code mounts:}, a list of {@code {type, source, target, readonly, options}}. */
final class MountSection {

  private static final Set<String> KEYS = Set.of("type", "source", "target", "readonly", "options");

  private MountSection() {}

  static List<Mount> read(Node node, Path base, Problems problems) {
    List<Mount> mounts = new ArrayList<>();
    List<Node> elements = Scalars.sequence(node, "mounts", problems).orElse(List.of());
    for (int i = 0; i < elements.size(); i++) {
      String key = "mounts[" + i + "]";
      YamlMap.of(elements.get(i), key, problems).flatMap(m -> mount(m, base)).ifPresent(mounts::add);
    }
    return mounts;
  }

  private static Optional<Mount> mount(YamlMap map, Path base) {
    Problems problems = map.problems();
    map.rejectUnknown(KEYS);
    Optional<MountType> type = Optional.empty();
    if (map.get("type").isEmpty()) {
      problems.add(map.node(), map.key("type"), "is missing; one of " + types());
    } else {
      Node typeNode = map.get("type").get();
      type =
          Scalars.string(typeNode, map.key("type"), problems)
              .flatMap(
                  t -> {
                    Optional<MountType> found =
                        Arrays.stream(MountType.values()).filter(k -> k.key().equals(t)).findFirst();
                    if (found.isEmpty()) {
                      problems.add(typeNode, map.key("type"), "unknown mount type '" + t + "'; one of " + types());
                    }
                    return found;
                  });
    }
    Optional<String> target = Optional.empty();
    if (map.get("target").isEmpty()) {
      problems.add(map.node(), map.key("target"), "is missing; the mount point inside the container, e.g. /proc");
    } else {
      Node targetNode = map.get("target").get();
      target = Scalars.string(targetNode, map.key("target"), problems);
      if (target.isPresent() && !target.get().startsWith("/")) {
        problems.add(targetNode, map.key("target"), "must be an absolute path inside the container, was '" + target.get() + "'");
        target = Optional.empty();
      } else if (target.isPresent() && Arrays.asList(target.get().split("/")).contains("..")) {
        problems.add(targetNode, map.key("target"), "must not contain '..'");
        target = Optional.empty();
      }
    }
    Optional<Path> source = Optional.empty();
    if (map.get("source").isPresent()) {
      Node sourceNode = map.get("source").get();
      if (type.isPresent() && type.get() != MountType.BIND) {
        problems.add(sourceNode, map.key("source"), "only a bind mount has a source");
      }
      source = Scalars.string(sourceNode, map.key("source"), problems).map(s -> base.resolve(s).normalize());
    } else if (type.orElse(null) == MountType.BIND) {
      problems.add(map.node(), map.key("source"), "is missing; a bind mount needs the host path to mount");
    }
    boolean readonly =
        map.get("readonly").flatMap(n -> Scalars.bool(n, map.key("readonly"), problems)).orElse(false);
    List<String> options = List.of();
    if (map.get("options").isPresent()) {
      Node optionsNode = map.get("options").get();
      options = options(optionsNode, map.key("options"), problems);
      if (type.orElse(null) == MountType.BIND) {
        problems.add(optionsNode, map.key("options"), "a bind mount takes no options; use readonly: true");
      }
      for (String option : options) {
        if (option.contains(",")) {
          problems.add(optionsNode, map.key("options"), "'" + option + "' holds a comma; give one option per list element");
        }
      }
    }
    if (type.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Mount(type.get(), source, target.get(), readonly, options));
  }

  /** A list of options, or one comma-separated text. */
  private static List<String> options(Node node, String key, Problems problems) {
    if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode) {
      return Scalars.string(node, key, problems).map(s -> List.of(s.split(","))).orElse(List.of());
    }
    return Scalars.strings(node, key, problems).orElse(List.of());
  }

  private static String types() {
    return String.join(", ", Arrays.stream(MountType.values()).map(MountType::key).toList());
  }
}
