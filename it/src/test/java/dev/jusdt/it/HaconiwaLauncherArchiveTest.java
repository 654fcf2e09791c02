package dev.jusdt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/haconiwa's start-up archive: written by the first run (a static class-data archive before
 * JDK 25, an AOT cache from JDK 25), mapped by later ones, never torn, and ignored when it is not
 * whole. Each test has its own copy of the jar and its own cache directory.
 */
class HaconiwaLauncherArchiveTest {

  private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  /** What {@code haconiwa --version} prints, and nothing else: no JVM message on either stream. */
  private static final String VERSION_ONLY = "haconiwa \\S+\n";

  @TempDir Path dir;

  private Path jar;
  private Path cache;
  private String java;

  private void setUp(String jdk) throws Exception {
    java = Tools.java();
    if (jdk.equals("Temurin 25")) {
      assumeTrue(Files.isExecutable(TEMURIN_25), "no JDK 25 at " + TEMURIN_25);
      java = TEMURIN_25.toString();
    }
    jar = Files.copy(Tools.jar("jar.haconiwa-runtime-all"), dir.resolve("haconiwa-runtime-all.jar"));
    cache = dir.resolve("cache");
  }

  /**
   * The NAME.java links, and a test's own java link, point at JDKs outside the directory: removed
   * first, JUnit has none to warn of.
   */
  @AfterEach
  void removeJavaLinks() throws Exception {
    Tools.deleteSymbolicLinks(dir);
    Tools.deleteSymbolicLinks(cache);
  }

  private Tools.Result haconiwa(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(System.getProperty("haconiwa.launcher")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HACONIWA_JAR", jar.toString());
    builder.environment().put("HACONIWA_JAVA", java);
    builder.environment().put("HACONIWA_CACHE_DIR", cache.toString());
    builder.environment().remove("HACONIWA_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process process = builder.redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Tools.Result(process.exitValue(), output);
  }

  private Tools.Result version() throws Exception {
    return haconiwa(Map.of(), "--version");
  }

  /** The run logs where each class came from; "shared objects file" is the archive. */
  private Tools.Result versionLoggingClassSources() throws Exception {
    return haconiwa(Map.of("HACONIWA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
  }

  /** The archives in the cache; fails on anything but archives and their NAME.ok, NAME.java. */
  private List<Path> archives() throws Exception {
    List<Path> files;
    try (Stream<Path> listing = Files.list(cache)) {
      files = listing.sorted().toList();
    }
    List<Path> archives = files.stream().filter(file -> file.toString().matches(".*\\.(jsa|aot)")).toList();
    assertThat(files).as("no temporary files are left").allMatch(file -> file.toString().matches(".*\\.(ok|java)")
        ? archives.contains(Path.of(file.toString().replaceAll("\\.(ok|java)$", "")))
        : file.toString().endsWith("-run.files")
        ? archives.stream().anyMatch(a -> a.toString().replaceAll("\\.(jsa|aot)$", ".files").equals(file.toString()))
        : file.getFileName().toString().matches("haconiwa-.+-[a-z]+\\.(jsa|aot)"));
    return archives;
  }

  private static String extension(String jdk) {
    int feature = jdk.equals("Temurin 25") ? 25 : Runtime.version().feature();
    return feature >= 25 ? "aot" : "jsa";
  }

  private static Object identity(Path file) throws Exception {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return List.of(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void firstRunWritesTheArchiveAndLaterRunsMapItUnchanged(String jdk) throws Exception {
    setUp(jdk);

    Tools.Result first = version();

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).matches(VERSION_ONLY);
    List<Path> files = archives();
    assertThat(files).hasSize(1);
    Path archive = files.get(0);
    assertThat(archive.getFileName().toString()).matches("haconiwa-.+-other\\." + extension(jdk));
    Object written = identity(archive);

    Tools.Result second = versionLoggingClassSources();

    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output())
        .contains("dev.jusdt.haconiwa.cli.Haconiwa source: shared objects file")
        .contains("picocli.CommandLine$Model$CommandSpec source: ");
    if (extension(jdk).equals("jsa")) {
      // The static archive holds picocli, compiled for Java 5, which a dynamic one skipped.
      assertThat(second.output()).contains("picocli.CommandLine$Model$CommandSpec source: shared objects file");
    }
    assertThat(archives()).containsExactly(archive);
    assertThat(identity(archive)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void archiveChangedAfterItWasWrittenIsNotMappedButWrittenAgain(String jdk) throws Exception {
    setUp(jdk);
    assertThat(version().exit()).isZero();
    Path archive = archives().get(0);
    byte[] whole = Files.readAllBytes(archive);
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);

    // JDK 17 maps a truncated archive and dies of SIGBUS: the launcher must never hand it one.
    Files.write(archive, Arrays.copyOf(whole, 64 * 1024));
    Tools.Result truncated = version();
    Object rewritten = identity(archive);
    Files.write(archive, garbage);
    Tools.Result random = version();
    Tools.Result after = versionLoggingClassSources();

    assertThat(truncated.exit()).as(truncated.output()).isZero();
    assertThat(truncated.output()).matches(VERSION_ONLY);
    assertThat(random.exit()).as(random.output()).isZero();
    assertThat(random.output()).matches(VERSION_ONLY);
    assertThat(rewritten).isNotEqualTo(identity(archive));
    assertThat(Files.size(archive)).isGreaterThan(1 << 20);
    assertThat(after.output()).contains("dev.jusdt.haconiwa.cli.Haconiwa source: shared objects file");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void staleArchiveIsIgnoredByTheJvm(String jdk) throws Exception {
    setUp(jdk);
    assertThat(version().exit()).isZero();
    Path archive = archives().get(0);
    // Older than the archive, so the launcher maps it; but not the jar it was written for.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() - 3_600_000));

    Tools.Result stale = versionLoggingClassSources();

    assertThat(stale.exit()).as(stale.output()).isZero();
    assertThat(stale.output())
        .contains("dev.jusdt.haconiwa.cli.Haconiwa source: file:")
        .doesNotContain("][warning")
        .doesNotContain("][error");
  }

  /**
   * {@code run} has its own archive, and on JDK 25 no "Training replay" thread: under -Xint it has
   * no compiler to feed, yet was woken at every class initialisation of a boot.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void runMapsItsOwnArchiveAndReplaysNoTraining(String jdk) throws Exception {
    setUp(jdk);
    Path missing = dir.resolve("missing.yaml");
    String refusal = "haconiwa: no container file " + missing + "\n";
    Tools.Result first = haconiwa(Map.of(), "run", missing.toString());

    Tools.Result second = haconiwa(
        Map.of("HACONIWA_JAVA_OPTS", "-XX:+PrintFlagsFinal -Xlog:class+load=info"), "run", missing.toString());

    assertThat(first.exit()).as(first.output()).isEqualTo(125);
    assertThat(first.output()).isEqualTo(refusal);
    assertThat(archives()).singleElement().asString().endsWith("-run." + extension(jdk));
    assertThat(second.exit()).as(second.output()).isEqualTo(125);
    assertThat(second.output())
        .contains("dev.jusdt.haconiwa.cli.Main source: shared objects file")
        .contains(refusal);
    if (extension(jdk).equals("aot")) {
      assertThat(second.output()).containsPattern("AOTReplayTraining +=  *false ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"this JDK", "Temurin 25"})
  void runReadsAFileOnceAndAgainWhenItsTextChanges(String jdk) throws Exception {
    assumeTrue("0".equals(Tools.run(List.of("id", "-u")).output().strip()), "containers need root (CI runs the suite as root)");
    Tools.requireTool("busybox", "busybox-static");
    setUp(jdk);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.createSymbolicLink(bin.resolve("echo"), Path.of("busybox"));
    String name = "it-files-" + ProcessHandle.current().pid();
    Path file = Files.writeString(dir.resolve("c.yaml"), "name: " + name + "\nrootfs: ./rootfs\ncommand: [/bin/echo, one]\n");
    Map<String, String> state = Map.of("HACONIWA_STATE_DIR", dir.resolve("state").toString());

    Tools.Result first = haconiwa(state, "run", file.toString());
    Path archive = archives().get(0);
    Path entry;
    try (Stream<Path> entries = Files.list(Path.of(archive.toString().replaceAll("\\.(jsa|aot)$", ".files")))) {
      entry = entries.findFirst().orElseThrow();
    }
    Object written = identity(entry);
    Map<String, String> logging = new java.util.HashMap<>(state);
    logging.put("HACONIWA_JAVA_OPTS", "-Xlog:class+load=info");
    Tools.Result second = haconiwa(logging, "run", file.toString());
    Object afterSecond = identity(entry);
    // The same size and time: only the text says it changed.
    FileTime modified = Files.getLastModifiedTime(file);
    Files.writeString(file, Files.readString(file).replace("one", "two"));
    Files.setLastModifiedTime(file, modified);
    Tools.Result edited = haconiwa(state, "run", file.toString());
    Object afterEdit = identity(entry);
    Tools.Result fourth = haconiwa(state, "run", file.toString());

    assertThat(List.of(first, edited, fourth)).extracting(Tools.Result::output).containsExactly("one\n", "two\n", "two\n");
    assertThat(second.output()).contains("\none\n")
        .contains("dev.jusdt.haconiwa.cli.Main source: shared objects file")
        // The archive was trained on a run that found the file checked: no YAML parser in it
        // (JDK 25 loads every class of its AOT cache at start-up) nor loaded from the jar.
        .doesNotContain("org.snakeyaml");
    assertThat(afterSecond).as("the second run read the entry the first wrote").isEqualTo(written);
    assertThat(afterEdit).as("the edited file was checked and kept again").isNotEqualTo(written);
    assertThat(identity(entry)).isEqualTo(afterEdit);
  }

  @Test
  void archivedRunEndsAtOnceOnlyWithoutOptionsFromTheUser() throws Exception {
    setUp("this JDK");
    // A java that writes down its arguments: what the launcher asked of the JVM.
    Path arguments = dir.resolve("arguments.txt");
    Path wrapper = dir.resolve("java");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >>" + arguments + "\nexec " + Tools.java() + " \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    java = wrapper.toString();
    String missing = dir.resolve("missing.yaml").toString();

    haconiwa(Map.of(), "run", missing);
    Files.delete(arguments);
    haconiwa(Map.of(), "run", missing);
    haconiwa(Map.of("HACONIWA_JAVA_OPTS", "-Dsome=option"), "run", missing);
    haconiwa(Map.of("JAVA_TOOL_OPTIONS", "-Dsome=option"), "run", missing);

    List<String> runs = Files.readAllLines(arguments);
    assertThat(runs).hasSize(3).allMatch(run -> run.contains("-XX:SharedArchiveFile="), "archived: " + runs);
    assertThat(runs.get(0)).contains("-Dhaconiwa.immediateExit=true");
    assertThat(runs.get(1)).doesNotContain("immediateExit");
    assertThat(runs.get(2)).doesNotContain("immediateExit");
  }

  @Test
  void rebuiltJarGetsANewArchive() throws Exception {
    setUp("this JDK");
    assertThat(version().exit()).isZero();
    Path archive = archives().get(0);
    Object old = identity(archive);
    Files.copy(Tools.jar("jar.haconiwa-runtime-all"), jar, StandardCopyOption.REPLACE_EXISTING);

    Tools.Result rebuilt = version();
    Tools.Result after = versionLoggingClassSources();

    assertThat(rebuilt.output()).matches(VERSION_ONLY);
    assertThat(archives()).containsExactly(archive);
    assertThat(identity(archive)).isNotEqualTo(old);
    assertThat(after.output()).contains("dev.jusdt.haconiwa.cli.Haconiwa source: shared objects file");
  }

  @Test
  void switchedJdkGetsItsOwnArchive() throws Exception {
    setUp("Temurin 25");
    Path link = dir.resolve("java");
    Files.createSymbolicLink(link, Path.of(Tools.java()));
    java = link.toString();
    assertThat(version().exit()).isZero();
    assertThat(archives()).singleElement().asString().endsWith(".jsa");

    // As update-alternatives does: the same java command, another JDK behind it.
    Files.delete(link);
    Files.createSymbolicLink(link, TEMURIN_25);
    Tools.Result switched = version();
    Tools.Result after = versionLoggingClassSources();

    assertThat(switched.output()).matches(VERSION_ONLY);
    assertThat(archives()).hasSize(2).anyMatch(archive -> archive.toString().endsWith(".aot"));
    assertThat(after.output()).contains("dev.jusdt.haconiwa.cli.Haconiwa source: shared objects file");
  }

  @Test
  void signalToTheLauncherOnAFirstRunStopsTheRuntimeAndItsContainer() throws Exception {
    boolean root = "0".equals(Tools.run(List.of("id", "-u")).output().strip());
    assumeTrue(root, "containers need root (CI runs the suite as root)");
    Tools.requireTool("busybox", "busybox-static");
    setUp("this JDK");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.createSymbolicLink(bin.resolve("sleep"), Path.of("busybox"));
    String name = "it-signal-" + ProcessHandle.current().pid();
    Path file = Files.writeString(dir.resolve("c.yaml"),
        "name: " + name + "\nrootfs: ./rootfs\ncommand: [/bin/sleep, '600']\n");
    Path state = dir.resolve("state");
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("haconiwa.launcher"),
        "--state-dir=" + state, "run", file.toString());
    builder.environment().put("HACONIWA_JAR", jar.toString());
    builder.environment().put("HACONIWA_JAVA", java);
    builder.environment().put("HACONIWA_CACHE_DIR", cache.toString());
    builder.environment().remove("HACONIWA_JAVA_OPTS");
    Process launcher = builder.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    // The pid is recorded once the container runs its command.
    Path record = state.resolve(name).resolve("state");
    while (launcher.isAlive() && !(Files.exists(record) && Files.readString(record).matches("(?s).*\\bpid=[1-9].*"))) {
      Thread.sleep(50);
    }
    List<ProcessHandle> jvm = launcher.toHandle().children().toList();

    launcher.destroy();

    assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(launcher.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isEqualTo(143);
    assertThat(jvm).as("the launcher ran the JVM as its child").hasSize(1);
    assertThat(jvm.get(0).isAlive()).as("the JVM stopped").isFalse();
    assertThat(state.resolve(name)).as("the container was cleaned up").doesNotExist();
  }

  @Test
  void concurrentFirstRunsLeaveOneWholeArchive() throws Exception {
    setUp("this JDK");
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder builder = new ProcessBuilder(System.getProperty("haconiwa.launcher"), "--version");
      builder.environment().put("HACONIWA_JAR", jar.toString());
      builder.environment().put("HACONIWA_JAVA", java);
      builder.environment().put("HACONIWA_CACHE_DIR", cache.toString());
      builder.environment().remove("HACONIWA_JAVA_OPTS");
      runs.add(builder.redirectErrorStream(true).start());
    }
    List<String> outputs = new ArrayList<>();
    for (Process run : runs) {
      outputs.add(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(run.exitValue()).isZero();
    }

    assertThat(outputs).allMatch(output -> output.matches(VERSION_ONLY), "only the version: " + outputs);
    // Each wrote its own temporary file and renamed it: one name, no leftovers.
    assertThat(archives()).hasSize(1);
    assertThat(versionLoggingClassSources().output())
        .contains("dev.jusdt.haconiwa.cli.Haconiwa source: shared objects file");
  }
}
