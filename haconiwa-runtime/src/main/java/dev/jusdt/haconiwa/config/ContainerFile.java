package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Capabilities;
import dev.jusdt.haconiwa.config.ContainerSpec.Cgroup;
import dev.jusdt.haconiwa.config.ContainerSpec.Hook;
import dev.jusdt.haconiwa.config.ContainerSpec.IdMapping;
import dev.jusdt.haconiwa.config.ContainerSpec.Mount;
import dev.jusdt.haconiwa.config.ContainerSpec.RootMode;
import dev.jusdt.haconiwa.config.ContainerSpec.Rootfs;
import dev.jusdt.haconiwa.config.ContainerSpec.Seccomp;
import dev.jusdt.haconiwa.config.ContainerSpec.User;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a container file: YAML 1.2 (core schema), one container per file. Every problem is
 * reported with its line, column and key, all at once. The format, with an example, is in
 * {@code haconiwa-runtime/examples/} and the README.
 *
 * <pre>{@code
 * name: demo
 * hostname: demo
 * rootfs: ./rootfs
 * namespaces: [mount, uts, ipc, pid, net]
 * mounts:
 *   - {type: proc, target: /proc}
 * cgroup: {memory: 64M, pids: 32}
 * capabilities: {drop: [sys_admin]}
 * seccomp: {deny: [mkdir]}
 * command: [/bin/sh, -c, "hostname; echo $$"]
 * }</pre>
 */
public final class ContainerFile {

  /** The namespaces a container gets when the file does not list them. */
  public static final Set<Namespace> DEFAULT_NAMESPACES =
      EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID, Namespace.NET);

  /** {@code PATH} when the file's {@code env} has none. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Letters, digits, {@code _ . -}, starting with a letter or digit, at most 63 characters. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})?");

  private static final Set<String> KEYS =
      Set.of("name", "hostname", "rootfs", "namespaces", "uid_map", "gid_map", "mounts", "cgroup",
          "rlimits", "capabilities", "seccomp", "user", "no_new_privileges", "env", "workdir",
          "command", "hooks");

  private ContainerFile() {}

  /**
   * Reads and checks a container file. Relative paths in it (rootfs, bind sources) are relative
   * to the file's directory.
   *
   * @param file the file
   * @param syscalls the number of a system call by name on this machine, -1 if unknown; for
   *     {@code seccomp.deny}
   * @return the container
   * @throws IOException if the file cannot be read
   * @throws ContainerFileException naming every problem, with line and key
   */
  public static ContainerSpec read(Path file, ToIntFunction<String> syscalls)
      throws IOException, ContainerFileException {
    return parse(Files.readAllBytes(file), file, syscalls);
  }

  /** Checks a container file's bytes: UTF-8, or an IOException as reading it as text gives. */
  static ContainerSpec parse(byte[] bytes, Path file, ToIntFunction<String> syscalls)
      throws IOException, ContainerFileException {
    String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    Path absolute = file.toAbsolutePath();
    return parse(text, file.toString(), absolute.getParent(), absolute, syscalls);
  }

  /**
   * Reads and checks a container file's text.
   *
   * @param text the YAML
   * @param name the file name for messages
   * @param base the directory relative paths are resolved against
   * @param file the file, as recorded in the spec
   * @param syscalls the number of a system call by name, -1 if unknown
   * @return the container
   * @throws ContainerFileException naming every problem, with line and key
   */
  public static ContainerSpec parse(
      String text, String name, Path base, Path file, ToIntFunction<String> syscalls)
      throws ContainerFileException {
    Problems problems = new Problems(name);
    Optional<Node> root = compose(text, name, problems);
    problems.throwIfAny();
    if (root.isEmpty()) {
      problems.add((Node) null, "", "is empty; a container file needs at least name, rootfs and command");
      problems.throwIfAny();
    }
    Optional<YamlMap> top = YamlMap.of(root.get(), "", problems);
    problems.throwIfAny();
    ContainerSpec spec = new Reading(top.get(), base, file, syscalls).spec();
    problems.throwIfAny();
    return spec;
  }

  private static Optional<Node> compose(String text, String name, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(name).setSchema(new CoreSchema()).setAllowDuplicateKeys(true).build();
    try {
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      problems.add(e.getProblemMark().orElse(e.getContextMark().orElse(null)), "", "not valid YAML: " + problem);
    } catch (YamlEngineException e) {
      problems.add((Node) null, "", "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** One pass over the top-level keys. */
  private static final class Reading {
    private final YamlMap top;
    private final Problems problems;
    private final Path base;
    private final Path file;
    private final ToIntFunction<String> syscalls;

    Reading(YamlMap top, Path base, Path file, ToIntFunction<String> syscalls) {
      this.top = top;
      this.problems = top.problems();
      this.base = base;
      this.file = file;
      this.syscalls = syscalls;
    }

    ContainerSpec spec() {
      top.rejectUnknown(KEYS);
      String name = required("name", "the container's name, e.g. name: web")
          .flatMap(n -> Scalars.string(n, "name", problems).filter(v -> matches(n, "name", v, NAME,
              "must be letters, digits, '_', '.' or '-', starting with a letter or digit, at most 63")))
          .orElse("");
      Optional<String> hostname = top.get("hostname").flatMap(n -> Scalars.string(n, "hostname", problems)
          .filter(v -> matches(n, "hostname", v, HOSTNAME, "must be a host name: letters, digits, '.' and '-', at most 64")));
      Rootfs rootfs = rootfs();
      Set<Namespace> namespaces = namespaces();
      List<IdMapping> uidMap = top.get("uid_map").map(n -> idMap(n, "uid_map")).orElse(List.of());
      List<IdMapping> gidMap = top.get("gid_map").map(n -> idMap(n, "gid_map")).orElse(List.of());
      List<Mount> mounts = top.get("mounts").map(n -> MountSection.read(n, base, problems)).orElse(List.of());
      Cgroup cgroup = top.get("cgroup").flatMap(n -> YamlMap.of(n, "cgroup", problems))
          .map(LimitSection::cgroup).orElse(Cgroup.unlimited());
      List<ContainerSpec.Rlimit> rlimits = top.get("rlimits").flatMap(n -> YamlMap.of(n, "rlimits", problems))
          .map(LimitSection::rlimits).orElse(List.of());
      Capabilities capabilities = top.get("capabilities").flatMap(n -> YamlMap.of(n, "capabilities", problems))
          .map(SecuritySection::capabilities).orElse(new Capabilities(Capabilities.Mode.ALL, Set.of()));
      Seccomp seccomp = top.get("seccomp").flatMap(n -> YamlMap.of(n, "seccomp", problems))
          .map(m -> SecuritySection.seccomp(m, syscalls)).orElse(Seccomp.none());
      Optional<User> user = top.get("user").flatMap(n -> SecuritySection.user(n, problems));
      boolean noNewPrivileges = top.get("no_new_privileges")
          .flatMap(n -> Scalars.bool(n, "no_new_privileges", problems)).orElse(true);
      Map<String, String> env = env();
      Optional<String> workdir = top.get("workdir").flatMap(n -> Scalars.string(n, "workdir", problems)
          .filter(v -> absolute(n, "workdir", v)));
      List<String> command = top.get("command").map(this::command).orElse(List.of());
      List<Hook> hooks = top.get("hooks").map(n -> HookSection.read(n, problems)).orElse(List.of());
      ContainerSpec spec = new ContainerSpec(name, hostname, rootfs, namespaces, uidMap, gidMap, mounts,
          cgroup, rlimits, capabilities, seccomp, user, noNewPrivileges, env, workdir, command, hooks, file);
      checkCombinations(spec);
      return spec;
    }

    private Optional<Node> required(String key, String what) {
      Optional<Node> node = top.get(key);
      if (node.isEmpty()) {
        problems.add(top.node(), key, "is missing; " + what);
      }
      return node;
    }

    private boolean matches(Node node, String key, String value, Pattern pattern, String rule) {
      if (pattern.matcher(value).matches()) {
        return true;
      }
      problems.add(node, key, rule + "; was '" + value + "'");
      return false;
    }

    private boolean absolute(Node node, String key, String value) {
      if (value.startsWith("/")) {
        return true;
      }
      problems.add(node, key, "must be an absolute path inside the container, was '" + value + "'");
      return false;
    }

    private Rootfs rootfs() {
      Optional<Node> node = required("rootfs", "the directory that becomes /, e.g. rootfs: /var/lib/haconiwa/web");
      if (node.isEmpty()) {
        return new Rootfs(base, RootMode.PIVOT_ROOT, false);
      }
      if (node.get() instanceof ScalarNode) {
        return Scalars.string(node.get(), "rootfs", problems)
            .map(p -> new Rootfs(base.resolve(p).normalize(), RootMode.PIVOT_ROOT, false))
            .orElse(new Rootfs(base, RootMode.PIVOT_ROOT, false));
      }
      Optional<YamlMap> map = YamlMap.of(node.get(), "rootfs", problems);
      if (map.isEmpty()) {
        return new Rootfs(base, RootMode.PIVOT_ROOT, false);
      }
      YamlMap m = map.get();
      m.rejectUnknown(Set.of("path", "mode", "readonly"));
      Path path = base;
      if (m.get("path").isEmpty()) {
        problems.add(m.node(), m.key("path"), "is missing; the directory that becomes /");
      } else {
        path = Scalars.string(m.get("path").get(), m.key("path"), problems).map(p -> base.resolve(p).normalize()).orElse(base);
      }
      RootMode mode = RootMode.PIVOT_ROOT;
      if (m.get("mode").isPresent()) {
        Node modeNode = m.get("mode").get();
        Optional<String> text = Scalars.string(modeNode, m.key("mode"), problems);
        if (text.isPresent() && text.get().equals("chroot")) {
          mode = RootMode.CHROOT;
        } else if (text.isPresent() && !text.get().equals("pivot_root")) {
          problems.add(modeNode, m.key("mode"), "must be pivot_root or chroot, was '" + text.get() + "'");
        }
      }
      boolean readonly = m.get("readonly").flatMap(n -> Scalars.bool(n, m.key("readonly"), problems)).orElse(false);
      return new Rootfs(path, mode, readonly);
    }

    private Set<Namespace> namespaces() {
      if (top.get("namespaces").isEmpty()) {
        return DEFAULT_NAMESPACES;
      }
      Node node = top.get("namespaces").get();
      List<Node> elements = Scalars.sequence(node, "namespaces", problems).orElse(List.of());
      Set<Namespace> namespaces = EnumSet.noneOf(Namespace.class);
      for (int i = 0; i < elements.size(); i++) {
        String key = "namespaces[" + i + "]";
        Node element = elements.get(i);
        Scalars.string(element, key, problems).ifPresent(text -> {
          Optional<Namespace> found = EnumSet.allOf(Namespace.class).stream().filter(n -> n.key().equals(text)).findFirst();
          if (found.isEmpty()) {
            problems.add(element, key, "unknown namespace '" + text + "'; one of mount, uts, ipc, pid, net, user, cgroup");
          } else if (!namespaces.add(found.get())) {
            problems.add(element, key, "'" + text + "' is listed twice");
          }
        });
      }
      return namespaces;
    }

    private List<IdMapping> idMap(Node node, String key) {
      List<IdMapping> mappings = new ArrayList<>();
      List<Node> elements = Scalars.sequence(node, key, problems).orElse(List.of());
      for (int i = 0; i < elements.size(); i++) {
        String elementKey = key + "[" + i + "]";
        Node element = elements.get(i);
        Scalars.string(element, elementKey, problems).ifPresent(text -> {
          String[] words = text.trim().split("\\s+");
          try {
            if (words.length != 3) {
              throw new NumberFormatException();
            }
            long inside = Long.parseLong(words[0]);
            long outside = Long.parseLong(words[1]);
            long count = Long.parseLong(words[2]);
            if (inside < 0 || outside < 0 || count < 1 || inside + count > 4_294_967_295L || outside + count > 4_294_967_295L) {
              throw new NumberFormatException();
            }
            mappings.add(new IdMapping(inside, outside, count));
          } catch (NumberFormatException e) {
            problems.add(element, elementKey, "must be 'inside outside count', three ids such as '0 100000 65536', was '" + text + "'");
          }
        });
      }
      if (mappings.size() > 340) {
        problems.add(node, key, "the kernel takes at most 340 lines, was " + mappings.size());
      }
      return mappings;
    }

    private Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      if (top.get("env").isPresent()) {
        YamlMap.of(top.get("env").get(), "env", problems).ifPresent(map -> {
          for (Map.Entry<ScalarNode, Node> entry : map.entries()) {
            String variable = entry.getKey().getValue();
            if (variable.isEmpty() || variable.contains("=") || variable.contains("\0")) {
              problems.add(entry.getKey(), map.key(variable), "is not a variable name");
              continue;
            }
            Optional<String> value = Scalars.isNull(entry.getValue())
                ? Optional.of("")
                : Scalars.string(entry.getValue(), map.key(variable), problems);
            value.ifPresent(v -> env.put(variable, v));
          }
        });
      }
      env.putIfAbsent("PATH", DEFAULT_PATH);
      return env;
    }

    private List<String> command(Node node) {
      if (node instanceof ScalarNode) {
        return Scalars.string(node, "command", problems).map(s -> List.of("/bin/sh", "-c", s)).orElse(List.of());
      }
      List<String> command = Scalars.strings(node, "command", problems).orElse(List.of());
      if (command.isEmpty() && node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode) {
        problems.add(node, "command", "is empty; name the program to run, e.g. [/bin/sh, -c, 'echo hi']");
      }
      return command;
    }

    private void checkCombinations(ContainerSpec spec) {
      if (spec.hostname().isPresent() && !spec.has(Namespace.UTS)) {
        problems.add(top.get("hostname").get(), "hostname", "needs its own UTS namespace: add uts to namespaces");
      }
      if (!spec.has(Namespace.MOUNT) && top.has("rootfs")) {
        problems.add(top.get("rootfs").get(), "rootfs", "needs its own mount namespace: add mount to namespaces");
      }
      boolean user = spec.has(Namespace.USER);
      for (String key : List.of("uid_map", "gid_map")) {
        if (user && !top.has(key)) {
          problems.add(top.get("namespaces").get(), key, "is missing: a user namespace needs " + key + ", e.g. " + key + ": ['0 100000 65536']");
        } else if (!user && top.has(key)) {
          problems.add(top.get(key).get(), key, "applies to a user namespace only: add user to namespaces or remove " + key);
        }
      }
      if (!spec.seccomp().deny().isEmpty() && !spec.noNewPrivileges()
          && !spec.capabilities().keeps(Capability.SYS_ADMIN)) {
        problems.add(top.get("no_new_privileges").get(), "no_new_privileges",
            "must be true with a seccomp filter once sys_admin is dropped: the kernel refuses the filter otherwise");
      }
    }
  }
}
