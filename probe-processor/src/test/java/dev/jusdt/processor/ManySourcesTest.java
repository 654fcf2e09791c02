package dev.jusdt.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.processor.model.LibraryModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library with more firing functions than one C file holds: the functions are spread over
 * several files, each once, which gcc compiles one by one and links into one library whose note
 * lists every probe with its own semaphore.
 */
class ManySourcesTest {

  private static final int PHASES = LibraryModel.FUNCTIONS_PER_SOURCE;
  private static final int METHODS = LibraryModel.FUNCTIONS_PER_SOURCE / 4 * 5;
  private static final int FUNCTIONS = PHASES + METHODS;

  @TempDir static Path dir;
  private static Compilation compilation;
  private static List<String> sources;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void generate() throws IOException {
    StringBuilder phases =
        new StringBuilder("package many;\nimport dev.jusdt.annotations.UsdtProbe;\n")
            .append("public final class Phases {\n");
    for (int i = 0; i < PHASES; i++) {
      phases.append("  @UsdtProbe(provider = \"many\", name = \"step").append(i)
          .append("\", args = 3) public static final int STEP_").append(i).append(" = ")
          .append(i).append(";\n");
    }
    phases.append("  private Phases() {}\n}\n");
    StringBuilder events =
        new StringBuilder("package many;\nimport dev.jusdt.annotations.UsdtProbe;\n")
            .append("import dev.jusdt.annotations.UsdtProvider;\n")
            .append("@UsdtProvider(\"many\") public interface Events {\n");
    for (int i = 0; i < METHODS; i++) {
      events.append("  @UsdtProbe void event").append(i).append("(long id, String name);\n");
    }
    events.append("}\n");
    compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .compile(
                JavaFileObjects.forSourceString("many.Phases", phases.toString()),
                JavaFileObjects.forSourceString("many.Events", events.toString()));
    Map<String, Object> manifest =
        new Gson().fromJson(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/many.json"),
            Map.class);
    sources = (List<String>) manifest.get("sources");
    for (String source : sources) {
      Path file = dir.resolve(Path.of(source).getFileName());
      Files.writeString(file, generated(StandardLocation.SOURCE_OUTPUT, source));
    }
    Files.writeString(dir.resolve("many_probes.h"),
        generated(StandardLocation.SOURCE_OUTPUT, "jusdt/many/many_probes.h"));
  }

  @Test
  void theManifestListsOneSourceForEverySoManyFunctions() {
    int files = (FUNCTIONS + LibraryModel.FUNCTIONS_PER_SOURCE - 1)
        / LibraryModel.FUNCTIONS_PER_SOURCE;
    assertThat(files).isGreaterThan(2);
    List<String> expected = new ArrayList<>(List.of("jusdt/many/many_probes.c"));
    for (int i = 2; i <= files; i++) {
      expected.add("jusdt/many/many_probes_" + i + ".c");
    }
    assertThat(sources).containsExactlyElementsOf(expected);
  }

  @Test
  void everyJniFunctionIsWrittenOnceAndOnlyTheFirstFileDefinesTheSemaphores() throws IOException {
    Pattern function = Pattern.compile("JNIEXPORT \\w+ JNICALL (\\w+)\\(");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String text = Files.readString(dir.resolve(Path.of(sources.get(i)).getFileName()));
      Matcher matcher = function.matcher(text);
      int firing = 0;
      while (matcher.find()) {
        names.add(matcher.group(1));
        firing += matcher.group(1).endsWith("_00024") ? 1 : 0;
      }
      assertThat(firing).isLessThanOrEqualTo(LibraryModel.FUNCTIONS_PER_SOURCE);
      assertThat(text).contains("#include \"many_probes.h\"");
      assertThat(text.contains("volatile unsigned short jusdt_semaphores_many[")).isEqualTo(i == 0);
    }
    // Per binding, the semaphores' buffer and their address; and every firing method.
    assertThat(names).doesNotHaveDuplicates().hasSize(FUNCTIONS + 2 * 2);
  }

  @Test
  void theFilesCompileWarningFreeOneByOneAndLinkIntoOneLibraryListingEveryProbe()
      throws Exception {
    NativeTools.requireCompilerAndSdtHeader("gcc");
    Path jni = Path.of(System.getProperty("java.home"), "include");
    List<String> link = new ArrayList<>(List.of("gcc", "-shared", "-o"));
    Path library = dir.resolve("libmany.so");
    link.add(library.toString());
    for (String source : sources) {
      Path file = dir.resolve(Path.of(source).getFileName());
      Path object = dir.resolve(file.getFileName() + ".o");
      String output =
          run("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O2",
              "-fno-ipa-icf", "-fPIC", "-I" + jni, "-I" + jni.resolve("linux"), "-I" + dir,
              "-c", file.toString(), "-o", object.toString());
      assertThat(output).as(source).isEmpty();
      link.add(object.toString());
    }
    assertThat(run(link.toArray(String[]::new))).isEmpty();

    List<SdtProbe> notes = ElfNoteReader.readProbes(library);
    assertThat(notes).hasSize(FUNCTIONS);
    assertThat(notes).extracting(SdtProbe::name).doesNotHaveDuplicates()
        .contains("step0", "step" + (PHASES - 1), "event0", "event" + (METHODS - 1));
    // Probes are ordered by name, semaphores by probe: each note, wherever its function was
    // compiled, points at its own slot of the one array of the first file.
    List<SdtProbe> byName = notes.stream()
        .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    long first = byName.get(0).semaphore();
    assertThat(first).isNotZero();
    for (int i = 0; i < byName.size(); i++) {
      assertThat(byName.get(i).semaphore()).as(byName.get(i).name()).isEqualTo(first + 2L * i);
    }
  }

  private static String generated(StandardLocation location, String path) throws IOException {
    return compilation.generatedFile(location, path).orElseThrow()
        .getCharContent(true).toString();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

}
