package dev.jusdt.plugin.manifest;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.jusdt.plugin.manifest.ManifestJson.PhaseJson;
import dev.jusdt.plugin.manifest.ManifestJson.ProbeJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/** Reads and checks probe manifests, reporting every problem of a file in one exception. */
public final class ManifestReader {

  /** A library name must be usable as a file name and in {@code -o lib<name>.so} as is. */
  private static final Pattern LIBRARY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

  private static final Gson GSON = new Gson();

  private ManifestReader() {}

  /**
   * Reads every manifest in a directory, in file name order so builds are reproducible.
   *
   * @param directory {@code META-INF/jusdt} under the class output; need not exist
   * @return the manifests, empty if the directory does not exist or holds no {@code .json} file
   * @throws ManifestException if any manifest is unreadable or invalid
   */
  public static List<ProbeManifest> readAll(Path directory) throws ManifestException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files =
          entries
              .filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new ManifestException("cannot list probe manifests in " + directory + ": " + e, e);
    }
    List<ProbeManifest> manifests = new ArrayList<>();
    for (Path file : files) {
      manifests.add(read(file));
    }
    return manifests;
  }

  /**
   * Reads every manifest of a directory for a goal, turning a bad manifest into the goal's error.
   *
   * @param directory the manifest directory; absent means none
   * @return the manifests, ordered by file name
   * @throws MojoExecutionException if any manifest is unreadable or invalid
   */
  public static List<ProbeManifest> readAllForGoal(Path directory) throws MojoExecutionException {
    try {
      return readAll(directory);
    } catch (ManifestException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * Reads one manifest.
   *
   * @param file a {@code <library>.json} file
   * @return the checked manifest
   * @throws ManifestException if the file is unreadable, not JSON, of another format, or breaks
   *     a rule of the format; the message names the file and lists every problem
   */
  public static ProbeManifest read(Path file) throws ManifestException {
    ManifestJson json;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      json = GSON.fromJson(reader, ManifestJson.class);
    } catch (IOException e) {
      throw new ManifestException("cannot read probe manifest " + file + ": " + e, e);
    } catch (JsonParseException e) {
      throw new ManifestException(
          "probe manifest " + file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (json == null) {
      throw new ManifestException("probe manifest " + file + " is empty");
    }
    // The format is checked on its own first: a newer format may have changed every other rule.
    if (json.format() == null) {
      throw new ManifestException(
          "probe manifest " + file + " has no \"format\"; this plugin reads format "
              + ProbeManifest.FORMAT);
    }
    if (json.format() != ProbeManifest.FORMAT) {
      throw new ManifestException(
          "probe manifest " + file + " has format " + json.format()
              + ", but this plugin reads only format " + ProbeManifest.FORMAT
              + "; use probe-maven-plugin and probe-processor of the same version");
    }
    return new Checker(file).check(json);
  }

  /** Collects the problems of one manifest, so that a user sees them all at once. */
  private static final class Checker {
    private final Path file;
    private final List<String> problems = new ArrayList<>();

    Checker(Path file) {
      this.file = file;
    }

    ProbeManifest check(ManifestJson json) throws ManifestException {
      String library = json.library();
      if (library == null || !LIBRARY.matcher(library).matches()) {
        problems.add(
            "\"library\" must be a file name stem such as \"haconiwa\", was "
                + quote(library));
      }
      List<String> sources = relativePaths("sources", json.sources());
      List<String> headers = relativePaths("headers", json.headers());
      List<ManifestProbe> probes = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Set<Integer> indexes = new HashSet<>();
      List<ProbeJson> probeJsons = orEmpty(json.probes());
      for (int i = 0; i < probeJsons.size(); i++) {
        ProbeJson probeJson = probeJsons.get(i);
        if (probeJson == null) {
          problems.add("probes[" + i + "] is null");
          continue;
        }
        probe("probes[" + i + "]", probeJson).ifPresent(probe -> {
          if (!names.add(probe.qualifiedName())) {
            problems.add("probe " + probe.qualifiedName() + " is declared twice");
          }
          if (!indexes.add(probe.semaphoreIndex())) {
            problems.add(
                "probe " + probe.qualifiedName() + " has semaphoreIndex "
                    + probe.semaphoreIndex() + ", which another probe already has");
          }
          probes.add(probe);
        });
      }
      if (!problems.isEmpty()) {
        throw new ManifestException(
            "probe manifest " + file + " is invalid:\n  " + String.join("\n  ", problems));
      }
      return new ProbeManifest(file, library, sources, headers, probes);
    }

    private List<String> relativePaths(String field, List<String> paths) {
      List<String> checked = new ArrayList<>();
      for (String path : orEmpty(paths)) {
        // The paths are resolved against the generated-sources directory; one that escapes it
        // would make the build read files the processor did not write.
        if (path == null || path.isEmpty() || path.startsWith("/") || escapes(path)) {
          problems.add(
              "\"" + field + "\" must hold relative paths inside the generated sources, had "
                  + quote(path));
        } else {
          checked.add(path);
        }
      }
      return checked;
    }

    private static boolean escapes(String path) {
      try {
        return Path.of(path).normalize().startsWith("..");
      } catch (InvalidPathException e) {
        return true;
      }
    }

    private Optional<ManifestProbe> probe(String where, ProbeJson json) {
      int before = problems.size();
      if (json.provider() == null || json.provider().isEmpty()) {
        problems.add(where + " has no \"provider\"");
      }
      if (json.name() == null || json.name().isEmpty()) {
        problems.add(where + " has no \"name\"");
      }
      String label =
          json.provider() != null && json.name() != null
              ? "probe " + json.provider() + ":" + json.name()
              : where;
      if (json.semaphoreIndex() == null || json.semaphoreIndex() < 0) {
        problems.add(label + " needs a \"semaphoreIndex\" of 0 or more, had "
            + json.semaphoreIndex());
      }
      List<List<ArgumentType>> sites = new ArrayList<>();
      for (List<String> site : orEmpty(json.sites())) {
        List<ArgumentType> types = new ArrayList<>();
        for (String type : orEmpty(site)) {
          Optional<ArgumentType> known = ArgumentType.forManifestName(type);
          if (known.isEmpty()) {
            problems.add(
                label + " has a site with the unknown type " + quote(type)
                    + "; the types are long, int, short, byte, char, boolean and String");
          } else {
            types.add(known.get());
          }
        }
        sites.add(types);
      }
      List<PhaseConstant> phases = new ArrayList<>();
      for (PhaseJson phase : orEmpty(json.phases())) {
        if (phase == null || phase.constant() == null || phase.value() == null) {
          problems.add(label + " has a phase without \"constant\" or \"value\"");
        } else {
          phases.add(new PhaseConstant(phase.constant(), phase.value()));
        }
      }
      if (problems.size() > before) {
        return Optional.empty();
      }
      return Optional.of(
          new ManifestProbe(
              json.provider(),
              json.name(),
              json.semaphoreIndex(),
              nonNull(orEmpty(json.argumentNames())),
              sites,
              nonNull(orEmpty(json.elements())),
              phases));
    }

    private static List<String> nonNull(List<String> values) {
      return values.stream().map(v -> v == null ? "" : v).toList();
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String quote(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
