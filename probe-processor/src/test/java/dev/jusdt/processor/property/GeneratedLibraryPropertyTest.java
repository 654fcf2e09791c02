package dev.jusdt.processor.property;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.processor.UsdtProcessor;
import dev.jusdt.processor.property.NativeBuild.Note;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random valid declarations (names with dashes, 0 to 12 arguments of every type, phase constants
 * with 1 to 3 arguments) go through the processor, javac and gcc or clang with {@code -Werror};
 * the library's notes, read by probe-elf and by {@code readelf -n}, say exactly what was declared.
 * Declarations whose names are C macros where the probe is compiled are rejected with the
 * processor's own errors, never anything else.
 * Each try compiles up to {@value Declarations#MAX_PROBES} probes at once, so one gcc run checks
 * many of them.
 */
class GeneratedLibraryPropertyTest {

  private static final AtomicInteger COMPILATIONS = new AtomicInteger();
  private static final AtomicInteger PROBES = new AtomicInteger();
  private static final AtomicInteger NOTES = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();
  private static final AtomicLong JAVAC_NANOS = new AtomicLong();
  private static final AtomicLong CC_NANOS = new AtomicLong();
  private static long started;

  @BeforeContainer
  static void startClock() {
    started = System.nanoTime();
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "GeneratedLibraryPropertyTest: %d libraries built from %d probe declarations, %d note"
            + " entries checked; %d declaration sets rejected with clear errors; %.1f s%n",
        COMPILATIONS.get(), PROBES.get(), NOTES.get(), REJECTED.get(),
        (System.nanoTime() - started) / 1e9);
    System.out.printf(
        "GeneratedLibraryPropertyTest: javac with the processor %.1f s, gcc/clang %.1f s%n",
        JAVAC_NANOS.get() / 1e9, CC_NANOS.get() / 1e9);
  }

  @Provide
  Arbitrary<List<ProbeSpec>> libraries() {
    return Declarations.libraries();
  }

  @Provide
  Arbitrary<String> compilers() {
    return NativeBuild.onPath("clang") ? Arbitraries.of("gcc", "clang") : Arbitraries.just("gcc");
  }

  @Provide
  Arbitrary<String> libraryNames() {
    return Arbitraries.of("prop", "my-lib", "lib.v2", "2d", "A_b");
  }

  @Provide
  Arbitrary<String> standards() {
    return Arbitraries.of("gnu11", "c11", "c99");
  }

  @Property(tries = 50)
  @StatisticsReport(onFailureOnly = true)
  void notesOfTheBuiltLibraryAreTheDeclaredProbes(
      @ForAll("libraries") List<ProbeSpec> probes,
      @ForAll("compilers") String compiler,
      @ForAll("standards") String std,
      @ForAll("libraryNames") String library)
      throws Exception {
    Statistics.label("outcome").coverage(c -> c.check("accepted").percentage(p -> p >= 50));
    NativeBuild.assumeToolchain();
    long t0 = System.nanoTime();
    Compilation compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .withOptions("-Ajusdt.library=" + library)
            .compile(JavaSources.of(probes));
    Optional<String> problem = CNames.problem(probes).or(() -> JavaNames.problem(probes));
    Statistics.label("outcome").collect(problem.isPresent() ? "rejected" : "accepted");
    Statistics.label("reason").collect(problem.orElse("-"));
    JAVAC_NANOS.addAndGet(System.nanoTime() - t0);
    if (problem.isPresent()) {
      assertThat(compilation.errors())
          .as("%s in\n%s", problem.get(), JavaSources.text(probes))
          .isNotEmpty()
          .allSatisfy(error -> assertThat(error.getMessage(Locale.ROOT))
              .startsWith("[Usdt")
              .doesNotStartWith("[UsdtInternal]"))
          .allSatisfy(error -> assertThat(error.getSource()).as("file of %s", error).isNotNull());
      REJECTED.incrementAndGet();
      return;
    }
    assertThat(compilation.diagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
            .map(Object::toString))
        .as("javac diagnostics for\n%s", JavaSources.text(probes))
        .isEmpty();
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);

    Path dir = Files.createTempDirectory("jusdt-property");
    try {
      long t1 = System.nanoTime();
      Path lib = build(compilation, library, probes, dir, compiler, std);
      CC_NANOS.addAndGet(System.nanoTime() - t1);
      List<SdtProbe> read = ElfNoteReader.readProbes(lib);
      List<Note> printed = NativeBuild.readelf(lib);
      assertThat(read.stream().map(GeneratedLibraryPropertyTest::asNote).toList())
          .as("probe-elf vs. readelf -n")
          .containsExactlyElementsOf(printed);
      assertNotesMatch(probes, read, manifest(compilation, library));
      COMPILATIONS.incrementAndGet();
      PROBES.addAndGet(probes.size());
      NOTES.addAndGet(read.size());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path build(
      Compilation compilation, String library, List<ProbeSpec> probes, Path dir, String compiler,
      String std) throws IOException, InterruptedException {
    // README: the files are named for the library as a C identifier, my-lib to my_lib.
    String stem = library.replaceAll("[^A-Za-z0-9_]", "_").replaceFirst("^([0-9])", "_$1");
    String prefix = "jusdt/" + library + "/" + stem + "_probes";
    Path source = dir.resolve(stem + "_probes.c");
    Files.writeString(source, generated(compilation, prefix + ".c"));
    Files.writeString(dir.resolve(stem + "_probes.h"), generated(compilation, prefix + ".h"));
    Path use = Files.writeString(dir.resolve("use.c"), HeaderUse.source(stem + "_probes.h", probes));
    Path lib = dir.resolve("lib" + library + ".so");
    List<String> command = new ArrayList<>(List.of(
        compiler, "-std=" + std, "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O2", "-fPIC",
        "-shared"));
    command.addAll(NativeBuild.jniIncludes());
    command.addAll(List.of("-I" + dir, "-o", lib.toString(), source.toString(), use.toString()));
    NativeBuild.Result result = NativeBuild.run(command);
    assertThat(result.output())
        .as("%s for\n%s\n%s", String.join(" ", command), JavaSources.text(probes),
            Files.readString(use))
        .isEmpty();
    assertThat(result.exit()).isZero();
    return lib;
  }

  private static void assertNotesMatch(
      List<ProbeSpec> probes, List<SdtProbe> notes, Map<String, Integer> semaphoreIndex) {
    Map<String, List<SdtProbe>> byProbe =
        notes.stream().collect(Collectors.groupingBy(n -> n.provider() + ":" + n.name()));
    assertThat(byProbe.keySet())
        .containsExactlyInAnyOrderElementsOf(probes.stream().map(ProbeSpec::key).toList());
    long base = notes.stream().mapToLong(SdtProbe::semaphore).min().orElseThrow();
    Set<Long> semaphores = new HashSet<>();
    for (ProbeSpec probe : probes) {
      List<SdtProbe> entries = byProbe.get(probe.key());
      assertThat(entries.stream().map(GeneratedLibraryPropertyTest::formats).distinct())
          .as("argument formats of %s", probe.key())
          .containsExactlyInAnyOrderElementsOf(probe.expectedFormats());
      Set<Long> own = entries.stream().map(SdtProbe::semaphore).collect(Collectors.toSet());
      assertThat(own).as("semaphores of %s", probe.key()).singleElement().isNotEqualTo(0L);
      long semaphore = own.iterator().next();
      assertThat(semaphores.add(semaphore)).as("%s has a semaphore of its own", probe.key()).isTrue();
      // The Java side reads slot semaphoreIndex of the array; the note must point at the same one.
      assertThat(semaphore - base)
          .as("semaphore of %s vs. its manifest index", probe.key())
          .isEqualTo(2L * semaphoreIndex.get(probe.key()) - 2L * minIndex(semaphoreIndex));
    }
  }

  private static int minIndex(Map<String, Integer> semaphoreIndex) {
    return semaphoreIndex.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
  }

  private static List<String> formats(SdtProbe probe) {
    return probe.arguments().stream()
        .map(a -> (a.signed() ? "-" : "") + a.size())
        .toList();
  }

  private static Note asNote(SdtProbe probe) {
    return new Note(probe.provider(), probe.name(), probe.location(), probe.base(),
        probe.semaphore(), probe.argumentText());
  }

  private static Map<String, Integer> manifest(Compilation compilation, String library)
      throws IOException {
    JsonObject json =
        JsonParser.parseString(
                compilation
                    .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/" + library + ".json")
                    .orElseThrow()
                    .getCharContent(true)
                    .toString())
            .getAsJsonObject();
    Map<String, Integer> index = new HashMap<>();
    for (JsonElement element : json.getAsJsonArray("probes")) {
      JsonObject probe = element.getAsJsonObject();
      index.put(
          probe.get("provider").getAsString() + ":" + probe.get("name").getAsString(),
          probe.get("semaphoreIndex").getAsInt());
    }
    return index;
  }

  private static String generated(Compilation compilation, String path) throws IOException {
    return compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("not generated: " + path))
        .getCharContent(true)
        .toString();
  }
}
