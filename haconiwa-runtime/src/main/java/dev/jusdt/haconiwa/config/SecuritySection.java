package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Capabilities;
import dev.jusdt.haconiwa.config.ContainerSpec.Seccomp;
import dev.jusdt.haconiwa.config.ContainerSpec.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** {@code capabilities:}, {@code seccomp:} and {@code user:}. */
final class SecuritySection {

  /** The errno values a denied call may return, by name; Linux numbers them alike on x86_64 and arm64. */
  private static final Map<String, Integer> ERRNOS =
      Map.of("EPERM", 1, "ENOENT", 2, "EACCES", 13, "EINVAL", 22, "ENOSYS", 38, "EOPNOTSUPP", 95);

  private static final long MAX_ID = 4_294_967_294L;

  private SecuritySection() {}

  static Capabilities capabilities(YamlMap map) {
    Problems problems = map.problems();
    map.rejectUnknown(Set.of("drop", "allow"));
    if (map.has("drop") && map.has("allow")) {
      problems.add(map.node(), map.path(), "give either drop or allow, not both");
      return new Capabilities(Capabilities.Mode.ALL, Set.of());
    }
    String which = map.has("drop") ? "drop" : "allow";
    if (map.get(which).isEmpty()) {
      problems.add(map.node(), map.path(), "needs drop: [...] or allow: [...]");
      return new Capabilities(Capabilities.Mode.ALL, Set.of());
    }
    Node listNode = map.get(which).get();
    List<Node> elements = Scalars.sequence(listNode, map.key(which), problems).orElse(List.of());
    Set<Capability> listed = EnumSet.noneOf(Capability.class);
    boolean all = false;
    for (int i = 0; i < elements.size(); i++) {
      String key = map.key(which) + "[" + i + "]";
      Optional<String> name = Scalars.string(elements.get(i), key, problems);
      if (name.isEmpty()) {
        continue;
      }
      if (name.get().equalsIgnoreCase("all")) {
        all = true;
        continue;
      }
      Optional<Capability> capability = Capability.named(name.get());
      if (capability.isEmpty()) {
        problems.add(elements.get(i), key, "unknown capability '" + name.get() + "'; write names as in capabilities(7), e.g. sys_admin or CAP_NET_RAW");
      } else {
        listed.add(capability.get());
      }
    }
    if (which.equals("drop")) {
      return all ? new Capabilities(Capabilities.Mode.ALLOW, Set.of()) : new Capabilities(Capabilities.Mode.DROP, listed);
    }
    return all ? new Capabilities(Capabilities.Mode.ALL, Set.of()) : new Capabilities(Capabilities.Mode.ALLOW, listed);
  }

  static Seccomp seccomp(YamlMap map, ToIntFunction<String> syscalls) {
    Problems problems = map.problems();
    map.rejectUnknown(Set.of("deny", "errno"));
    int errno = 1;
    if (map.get("errno").isPresent()) {
      Node node = map.get("errno").get();
      Optional<String> text = Scalars.string(node, map.key("errno"), problems);
      if (text.isPresent() && ERRNOS.containsKey(text.get())) {
        errno = ERRNOS.get(text.get());
      } else if (text.isPresent() && text.get().matches("\\d{1,4}") && Integer.parseInt(text.get()) >= 1 && Integer.parseInt(text.get()) <= 4095) {
        errno = Integer.parseInt(text.get());
      } else if (text.isPresent()) {
        problems.add(node, map.key("errno"), "must be one of " + String.join(", ", ERRNOS.keySet().stream().sorted().toList()) + " or a number 1 to 4095, was '" + text.get() + "'");
      }
    }
    List<String> names = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    if (map.get("deny").isEmpty()) {
      problems.add(map.node(), map.key("deny"), "is missing; list the system calls to refuse, e.g. deny: [mount, ptrace]");
      return Seccomp.none();
    }
    List<Node> elements = Scalars.sequence(map.get("deny").get(), map.key("deny"), problems).orElse(List.of());
    for (int i = 0; i < elements.size(); i++) {
      String key = map.key("deny") + "[" + i + "]";
      Optional<String> name = Scalars.string(elements.get(i), key, problems);
      if (name.isEmpty()) {
        continue;
      }
      if (name.get().equals("execve") || name.get().equals("execveat")) {
        problems.add(elements.get(i), key, "denying " + name.get() + " would stop the command itself from starting");
        continue;
      }
      int number = syscalls.applyAsInt(name.get());
      if (number < 0) {
        problems.add(elements.get(i), key, "unknown system call '" + name.get() + "' on this machine; names are as in syscalls(2), e.g. mkdir, unshare");
      } else if (!numbers.contains(number)) {
        names.add(name.get());
        numbers.add(number);
      }
    }
    return new Seccomp(names, numbers, errno);
  }

  static Optional<User> user(Node node, Problems problems) {
    if (node instanceof ScalarNode) {
      OptionalLong uid = Scalars.integer(node, "user", problems, 0, MAX_ID);
      return uid.isPresent() ? Optional.of(new User(uid.getAsLong(), uid.getAsLong(), List.of())) : Optional.empty();
    }
    Optional<YamlMap> found = YamlMap.of(node, "user", problems);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = found.get();
    map.rejectUnknown(Set.of("uid", "gid", "groups"));
    if (map.get("uid").isEmpty()) {
      problems.add(map.node(), map.key("uid"), "is missing");
      return Optional.empty();
    }
    OptionalLong uid = Scalars.integer(map.get("uid").get(), map.key("uid"), problems, 0, MAX_ID);
    OptionalLong gid = map.get("gid").map(n -> Scalars.integer(n, map.key("gid"), problems, 0, MAX_ID)).orElse(uid);
    List<Long> groups = new ArrayList<>();
    if (map.get("groups").isPresent() && map.get("groups").get() instanceof SequenceNode sequence) {
      for (int i = 0; i < sequence.getValue().size(); i++) {
        Scalars.integer(sequence.getValue().get(i), map.key("groups") + "[" + i + "]", problems, 0, MAX_ID).ifPresent(groups::add);
      }
    } else if (map.get("groups").isPresent()) {
      Scalars.sequence(map.get("groups").get(), map.key("groups"), problems);
    }
    if (uid.isEmpty() || gid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new User(uid.getAsLong(), gid.getAsLong(), groups));
  }
}
