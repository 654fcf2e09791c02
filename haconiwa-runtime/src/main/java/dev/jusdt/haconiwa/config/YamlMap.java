package dev.jusdt.haconiwa.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read key by key: duplicate keys and keys nobody asked for are problems, with a
 * suggestion when a key looks like a misspelt known one.
 */
final class YamlMap {

  private final Node node;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(MappingNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(tuple.getKeyNode(), path, "a key must be a plain word");
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
      if (first != null) {
        int line = first.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
        problems.add(key, key(key.getValue()), "appears twice (first on line " + line + "); keep one");
      }
    }
  }

  /** The mapping at {@code node}, or empty (and a problem) if it is something else. */
  static Optional<YamlMap> of(Node node, String path, Problems problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(mapping, path, problems));
    }
    problems.add(node, path, "must be a mapping of keys to values (key: value), was " + Scalars.describe(node));
    return Optional.empty();
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  /** The dotted path of a key of this mapping. */
  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Optional<Node> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Every key, in file order, with its value. */
  List<Map.Entry<ScalarNode, Node>> entries() {
    List<Map.Entry<ScalarNode, Node>> list = new ArrayList<>();
    for (NodeTuple tuple : entries.values()) {
      list.add(Map.entry((ScalarNode) tuple.getKeyNode(), tuple.getValueNode()));
    }
    return list;
  }

  /** Reports each key that is not one of {@code known}. */
  void rejectUnknown(Set<String> known) {
    for (NodeTuple tuple : entries.values()) {
      String name = ((ScalarNode) tuple.getKeyNode()).getValue();
      if (!known.contains(name)) {
        String hint =
            known.stream()
                .min(Comparator.comparingInt(k -> distance(k, name)))
                .filter(k -> distance(k, name) <= 2)
                .map(k -> "did you mean '" + k + "'? ")
                .orElse("");
        problems.add(
            tuple.getKeyNode(),
            key(name),
            "unknown key; " + hint + "known keys here: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** Levenshtein distance, for suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
