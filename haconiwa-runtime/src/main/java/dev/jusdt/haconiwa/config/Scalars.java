package dev.jusdt.haconiwa.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads typed values from YAML nodes, reporting a problem at the node when the type is wrong. */
final class Scalars {

  private Scalars() {}

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (isNull(node)) {
      return "empty";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  static Optional<String> string(Node node, String key, Problems problems) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return Optional.of(scalar.getValue());
    }
    problems.add(node, key, "must be a text value, was " + describe(node));
    return Optional.empty();
  }

  static OptionalLong integer(Node node, String key, Problems problems, long min, long max) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      try {
        long value = Long.parseLong(scalar.getValue().replace("_", ""));
        if (value >= min && value <= max) {
          return OptionalLong.of(value);
        }
        problems.add(node, key, "must be between " + min + " and " + max + ", was " + value);
        return OptionalLong.empty();
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(node, key, "must be a whole number, was " + describe(node));
    return OptionalLong.empty();
  }

  static Optional<Boolean> bool(Node node, String key, Problems problems) {
    if (node instanceof ScalarNode scalar && Tag.BOOL.equals(node.getTag())) {
      return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    problems.add(node, key, "must be true or false, was " + describe(node));
    return Optional.empty();
  }

  static Optional<List<Node>> sequence(Node node, String key, Problems problems) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    problems.add(node, key, "must be a list ([a, b] or one '- item' per line), was " + describe(node));
    return Optional.empty();
  }

  /** A list of text values; each bad element is its own problem. */
  static Optional<List<String>> strings(Node node, String key, Problems problems) {
    Optional<List<Node>> elements = sequence(node, key, problems);
    if (elements.isEmpty()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < elements.get().size(); i++) {
      Optional<String> value = string(elements.get().get(i), key + "[" + i + "]", problems);
      ok &= value.isPresent();
      value.ifPresent(values::add);
    }
    return ok ? Optional.of(values) : Optional.empty();
  }
}
