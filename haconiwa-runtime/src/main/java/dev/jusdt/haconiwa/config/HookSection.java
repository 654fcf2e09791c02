package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Hook;
import dev.jusdt.haconiwa.config.ContainerSpec.HookPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** {@code hooks:}, a list of {@code {at, probe, value, run}}. */
final class HookSection {

  private static final Set<String> KEYS = Set.of("at", "probe", "value", "run");

  private HookSection() {}

  static List<Hook> read(Node node, Problems problems) {
    List<Hook> hooks = new ArrayList<>();
    List<Node> elements = Scalars.sequence(node, "hooks", problems).orElse(List.of());
    for (int i = 0; i < elements.size(); i++) {
      YamlMap.of(elements.get(i), "hooks[" + i + "]", problems).flatMap(HookSection::hook).ifPresent(hooks::add);
    }
    return hooks;
  }

  private static Optional<Hook> hook(YamlMap map) {
    Problems problems = map.problems();
    map.rejectUnknown(KEYS);
    String points = String.join(", ", Arrays.stream(HookPoint.values()).map(HookPoint::key).toList());
    Optional<HookPoint> at = Optional.empty();
    if (map.get("at").isEmpty()) {
      problems.add(map.node(), map.key("at"), "is missing; one of " + points);
    } else {
      Node node = map.get("at").get();
      at = Scalars.string(node, map.key("at"), problems).flatMap(s -> {
        Optional<HookPoint> p = Arrays.stream(HookPoint.values()).filter(h -> h.key().equals(s)).findFirst();
        if (p.isEmpty()) {
          problems.add(node, map.key("at"), "unknown hook point '" + s + "'; one of " + points);
        }
        return p;
      });
    }
    OptionalLong phase = OptionalLong.empty();
    if (map.get("probe").isEmpty()) {
      problems.add(map.node(), map.key("probe"), "is missing; the probe-misc phase to fire, 123 to 127");
    } else {
      phase = Scalars.integer(map.get("probe").get(), map.key("probe"), problems, 123, 127);
    }
    Optional<String> text = Optional.empty();
    OptionalLong number = OptionalLong.empty();
    if (map.get("value").isPresent()) {
      Node node = map.get("value").get();
      if (node instanceof ScalarNode scalar && Tag.INT.equals(node.getTag())) {
        number = Scalars.integer(node, map.key("value"), problems, Long.MIN_VALUE, Long.MAX_VALUE);
      } else {
        text = Scalars.string(node, map.key("value"), problems);
      }
    }
    List<String> run = map.get("run").flatMap(n -> Scalars.strings(n, map.key("run"), problems)).orElse(List.of());
    if (map.get("run").isPresent() && run.isEmpty()) {
      problems.add(map.get("run").get(), map.key("run"), "must name a command, e.g. [/usr/bin/logger, started]");
    }
    if (at.isEmpty() || phase.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Hook(at.get(), (int) phase.getAsLong(), text, number, run));
  }
}
