package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The state directory: one subdirectory per container, holding its {@link ContainerState}. The
 * directory is created with {@code mkdir}, so two runtimes cannot both claim a name.
 */
public final class StateStore {

  /** The default state directory. */
  public static final Path DEFAULT_ROOT = Path.of("/run/haconiwa");

  private static final String STATE_FILE = "state";

  private final Path root;

  /**
   * A store in a directory.
   *
   * @param root the state directory; created when a container first starts
   */
  public StateStore(Path root) {
    this.root = root;
  }

  /**
   * The state directory: {@code $HACONIWA_STATE_DIR}, else {@code /run/haconiwa}.
   *
   * @return the directory
   */
  public static Path defaultRoot() {
    String fromEnvironment = System.getenv("HACONIWA_STATE_DIR");
    return fromEnvironment == null || fromEnvironment.isEmpty() ? DEFAULT_ROOT : Path.of(fromEnvironment);
  }

  /**
   * The state directory.
   *
   * @return its path
   */
  public Path root() {
    return root;
  }

  Path directory(String name) {
    return root.resolve(name);
  }

  Path file(String name) {
    return directory(name).resolve(STATE_FILE);
  }

  /**
   * Claims a name: creates its directory.
   *
   * @return false if the directory exists already
   */
  boolean claim(String name) throws IOException {
    // createDirectories on an existing directory throws and catches two exceptions, interpreted.
    if (!Files.isDirectory(root)) {
      Files.createDirectories(root);
    }
    try {
      Files.createDirectory(directory(name));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /**
   * Writes the state atomically: a reader sees the old or the new file, never half of one. The
   * file is in {@link Properties} format but written by hand: {@code Properties.store} stamps a
   * date, and initialising the time-zone machinery for it costs a boot about 100 ms.
   */
  void write(ContainerState state) throws IOException {
    StringBuilder text = new StringBuilder("# haconiwa container state\n");
    line(text, "name", state.name());
    line(text, "runtimePid", Long.toString(state.runtimePid()));
    line(text, "runtimeStart", Long.toString(state.runtimeStart()));
    line(text, "pid", Long.toString(state.pid()));
    line(text, "pidStart", Long.toString(state.pidStart()));
    line(text, "startedMillis", Long.toString(state.started().toEpochMilli()));
    for (int i = 0; i < state.command().size(); i++) {
      line(text, "command." + i, state.command().get(i));
    }
    for (int i = 0; i < state.cgroups().size(); i++) {
      line(text, "cgroup." + i, state.cgroups().get(i).toString());
    }
    line(text, "file", state.file().toString());
    Path temporary = directory(state.name()).resolve(STATE_FILE + ".tmp");
    Files.write(temporary, text.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(temporary, file(state.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file(state.name()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** One {@code key=value} line, escaped as {@link Properties#load(Reader)} reads it. */
  private static void line(StringBuilder text, String key, String value) {
    text.append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\f' -> text.append("\\f");
        case ' ' -> text.append(i == 0 ? "\\ " : " ");
        default -> text.append(c);
      }
    }
    text.append('\n');
  }

  /**
   * A container's state.
   *
   * @param name the container's name
   * @return its state, or empty if there is none (or it is being written for the first time)
   */
  public Optional<ContainerState> find(String name) {
    Path file = file(name);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(new ContainerState(
          p.getProperty("name"),
          Long.parseLong(p.getProperty("runtimePid")),
          Long.parseLong(p.getProperty("runtimeStart")),
          Long.parseLong(p.getProperty("pid")),
          Long.parseLong(p.getProperty("pidStart")),
          Instant.ofEpochMilli(Long.parseLong(p.getProperty("startedMillis"))),
          getList(p, "command"),
          getList(p, "cgroup").stream().map(Path::of).toList(),
          Path.of(p.getProperty("file"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A list as numbered keys, {@code command.0}, {@code command.1}: readable, and any text fits. */
  private static void putList(Properties p, String key, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      p.setProperty(key + "." + i, values.get(i));
    }
  }

  private static List<String> getList(Properties p, String key) {
    List<String> values = new ArrayList<>();
    for (int i = 0; p.getProperty(key + "." + i) != null; i++) {
      values.add(p.getProperty(key + "." + i));
    }
    return values;
  }

  /**
   * Every container with a state, by name.
   *
   * @return the states
   * @throws IOException if the state directory cannot be listed
   */
  public List<ContainerState> list() throws IOException {
    List<ContainerState> states = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return states;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        find(dir.getFileName().toString()).ifPresent(states::add);
      }
    }
    states.sort(Comparator.comparing(ContainerState::name));
    return states;
  }

  /** Removes a container's state and its directory. */
  void delete(String name) {
    for (Path path : List.of(file(name), directory(name).resolve(STATE_FILE + ".tmp"), directory(name))) {
      try {
        Files.deleteIfExists(path);
      } catch (NoSuchFileException e) {
        // gone already
      } catch (IOException e) {
        // a directory someone put files into: leave it, the next claim of the name will say so
      }
    }
  }

  /**
   * Cleans up after a container whose runtime died: kills what is left in its cgroups, removes
   * them and the state.
   *
   * @param state the stale state
   * @return true if every cgroup is gone
   */
  public boolean sweep(ContainerState state) {
    boolean removed = ContainerCgroups.removeAll(state.cgroups(), true);
    if (removed) {
      delete(state.name());
    }
    return removed;
  }
}
