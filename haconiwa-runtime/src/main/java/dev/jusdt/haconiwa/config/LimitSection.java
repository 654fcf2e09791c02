package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Cgroup;
import dev.jusdt.haconiwa.config.ContainerSpec.Rlimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** {@code cgroup:} and {@code rlimits:}. */
final class LimitSection {

  private static final Set<String> CGROUP_KEYS = Set.of("parent", "memory", "pids", "cpu");
  private static final Set<String> CPU_KEYS = Set.of("shares", "quota_us", "period_us");
  private static final Pattern PARENT = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  private LimitSection() {}

  static Cgroup cgroup(YamlMap map) {
    Problems problems = map.problems();
    map.rejectUnknown(CGROUP_KEYS);
    String parent = "haconiwa";
    if (map.get("parent").isPresent()) {
      Node node = map.get("parent").get();
      Optional<String> value = Scalars.string(node, map.key("parent"), problems);
      if (value.isPresent() && (!PARENT.matcher(value.get()).matches() || value.get().contains(".."))) {
        problems.add(node, map.key("parent"), "must be a relative cgroup path such as haconiwa or jobs/web, was '" + value.get() + "'");
      } else if (value.isPresent()) {
        parent = value.get();
      }
    }
    OptionalLong memory = OptionalLong.empty();
    if (map.get("memory").isPresent()) {
      Node node = map.get("memory").get();
      Optional<String> text = Scalars.string(node, map.key("memory"), problems);
      if (text.isPresent()) {
        memory = Sizes.parse(text.get());
        if (memory.isEmpty() || memory.getAsLong() < 1 << 20) {
          problems.add(node, map.key("memory"), "'" + text.get() + "' is not a size of at least 1M; write bytes or a number with K, M or G, e.g. 64M");
          memory = OptionalLong.empty();
        }
      }
    }
    OptionalLong pids =
        map.get("pids").map(n -> Scalars.integer(n, map.key("pids"), problems, 1, 4_194_304)).orElse(OptionalLong.empty());
    OptionalLong shares = OptionalLong.empty();
    OptionalLong quota = OptionalLong.empty();
    OptionalLong period = OptionalLong.empty();
    if (map.get("cpu").isPresent()) {
      Optional<YamlMap> cpu = YamlMap.of(map.get("cpu").get(), map.key("cpu"), problems);
      if (cpu.isPresent()) {
        YamlMap c = cpu.get();
        c.rejectUnknown(CPU_KEYS);
        shares = c.get("shares").map(n -> Scalars.integer(n, c.key("shares"), problems, 2, 262_144)).orElse(OptionalLong.empty());
        quota = c.get("quota_us").map(n -> Scalars.integer(n, c.key("quota_us"), problems, 1_000, 1_000_000_000L)).orElse(OptionalLong.empty());
        period = c.get("period_us").map(n -> Scalars.integer(n, c.key("period_us"), problems, 1_000, 1_000_000)).orElse(OptionalLong.empty());
      }
    }
    return new Cgroup(parent, memory, pids, shares, quota, period);
  }

  static List<Rlimit> rlimits(YamlMap map) {
    Problems problems = map.problems();
    List<Rlimit> limits = new ArrayList<>();
    for (Map.Entry<ScalarNode, Node> entry : map.entries()) {
      String name = entry.getKey().getValue();
      String key = map.key(name);
      Optional<ResourceLimit> resource = ResourceLimit.named(name);
      if (resource.isEmpty()) {
        List<String> known = java.util.Arrays.stream(ResourceLimit.values()).map(ResourceLimit::key).toList();
        String hint = known.stream().filter(k -> YamlMap.distance(k, name) <= 2).findFirst().map(k -> "did you mean '" + k + "'? ").orElse("");
        problems.add(entry.getKey(), key, "unknown resource; " + hint + "one of " + String.join(", ", known));
        continue;
      }
      Node value = entry.getValue();
      OptionalLong soft;
      OptionalLong hard;
      if (value instanceof SequenceNode sequence) {
        if (sequence.getValue().size() != 2) {
          problems.add(value, key, "a list here is [soft, hard], was " + sequence.getValue().size() + " values");
          continue;
        }
        soft = limit(sequence.getValue().get(0), key + "[0]", problems);
        hard = limit(sequence.getValue().get(1), key + "[1]", problems);
      } else {
        soft = limit(value, key, problems);
        hard = soft;
      }
      if (soft.isEmpty() || hard.isEmpty()) {
        continue;
      }
      if (Long.compareUnsigned(soft.getAsLong(), hard.getAsLong()) > 0) {
        problems.add(value, key, "the soft limit " + soft.getAsLong() + " is above the hard limit " + hard.getAsLong());
        continue;
      }
      limits.add(new Rlimit(resource.get(), soft.getAsLong(), hard.getAsLong()));
    }
    return limits;
  }

  /** A number, {@code unlimited}, or for byte limits a size such as {@code 8M}. */
  private static OptionalLong limit(Node node, String key, Problems problems) {
    Optional<String> text = Scalars.string(node, key, problems);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    if (text.get().equals("unlimited")) {
      return OptionalLong.of(Rlimit.UNLIMITED);
    }
    OptionalLong value = Sizes.parse(text.get());
    if (value.isEmpty()) {
      problems.add(node, key, "'" + text.get() + "' is not a limit; write a number, a size such as 8M, or unlimited");
    }
    return value;
  }
}
