package dev.jusdt.plugin.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jusdt.elf.ElfNoteReader;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.plugin.testing.DemoProject;
import dev.jusdt.plugin.testing.Manifests;
import dev.jusdt.plugin.testing.NativeToolchain;
import dev.jusdt.plugin.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real libraries with the machine's gcc and the JDK running the tests. */
class GccCompilerTest {

  private static final Path JDK = Path.of(System.getProperty("java.home"));

  @TempDir Path dir;
  private DemoProject project;
  private RecordingLog log;
  private Path gcc;

  @BeforeEach
  void project() throws Exception {
    gcc = NativeToolchain.requireGccWithSdt();
    project = DemoProject.create(dir);
    log = new RecordingLog();
  }

  private CompileSettings settings(String osName, String osArch, Path jdkHome, String compiler) {
    return new CompileSettings(
        project.manifestDirectory(),
        project.generatedSources(),
        project.nativeSources(),
        project.buildDirectory(),
        project.nativeOutputDirectory(),
        compiler,
        List.of("-fno-toplevel-reorder"),
        jdkHome,
        Map.of("PATH", gcc.getParent().toString()),
        osName,
        osArch);
  }

  private void compile() throws Exception {
    new GccCompiler(settings("Linux", "amd64", JDK, null), log).execute();
  }

  private Path built() {
    return project.buildDirectory().resolve("linux-x86_64/libdemo.so");
  }

  private Path packaged() {
    return project.nativeOutputDirectory().resolve("linux-x86_64/libdemo.so");
  }

  private Path record() {
    return project.nativeOutputDirectory().resolve("linux-x86_64/libdemo.so.sha256");
  }

  /** What the runtime loader expects in the record: sha256sum's hash, a space, the size. */
  private String expectedRecord() throws Exception {
    byte[] library = Files.readAllBytes(packaged());
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library)) + " "
        + library.length + "\n";
  }

  @Test
  void recordsThePackagedLibrarysSha256AndSizeNextToIt() throws Exception {
    compile();

    assertThat(record()).hasContent(expectedRecord().strip());
    assertThat(Files.readString(record())).endsWith("\n").hasLineCount(1);
  }

  @Test
  void aStaleRecordIsRewritten() throws Exception {
    compile();
    Files.writeString(record(), "0".repeat(64) + " 1\n");

    compile();

    assertThat(Files.readString(record())).isEqualTo(expectedRecord());
  }

  @Test
  void anUnchangedBuildLeavesTheRecordAlone() throws Exception {
    compile();
    FileTime before = Files.getLastModifiedTime(record());

    compile();

    assertThat(Files.getLastModifiedTime(record())).isEqualTo(before);
  }

  @Test
  void buildsGeneratedAndHandWrittenCIntoOneLibraryAndPackagesIt() throws Exception {
    compile();

    assertThat(built()).isRegularFile();
    assertThat(packaged()).hasSameBinaryContentAs(built());
    assertThat(project.buildDirectory().resolve("linux-x86_64/libdemo.stamp")).isRegularFile();
    Path generated = project.generatedSources().resolve("jusdt/demo/demo_probes.c");
    Path handWritten = project.nativeSources().resolve("extra.c");
    String includes = " -I" + JDK.resolve("include") + " -I" + JDK.resolve("include/linux")
        + " -I" + project.generatedSources().resolve("jusdt/demo") + " -I" + project.nativeSources();
    assertThat(executing())
        .containsExactly(
            "Executing: " + gcc + " -std=gnu11 -O1 -fPIC -Wall -Wextra -g0" + includes + " -c "
                + generated + " -o " + object("1-demo_probes.o") + " -fno-toplevel-reorder",
            "Executing: " + gcc + " -std=gnu11 -O2 -fPIC -Wall -Wextra -g0" + includes + " -c "
                + handWritten + " -o " + object("2-extra.o") + " -fno-toplevel-reorder",
            "Executing: " + gcc + " -shared -Wl,-z,noexecstack " + object("1-demo_probes.o") + " "
                + object("2-extra.o") + " -o " + built() + " -fno-toplevel-reorder");
    assertThat(log.at("info")).contains("Copied libdemo.so to " + packaged());
    List<SdtProbe> notes = ElfNoteReader.readProbes(built());
    assertThat(notes).extracting(p -> p.provider() + ":" + p.name())
        .containsExactlyInAnyOrder("demo:tick", "demo:tock");
    // demo_boot from the hand-written file made it into the same library.
    assertThat(new String(Files.readAllBytes(built()), StandardCharsets.ISO_8859_1))
        .contains("demo_boot");
  }

  @Test
  void compilesEverySourceOnItsOwnAndLinksThemIntoOneLibrary() throws Exception {
    splitGeneratedSource();

    compile();

    assertThat(executing()).hasSize(4);
    assertThat(executing().subList(0, 3))
        .allSatisfy(line -> assertThat(line).contains(" -c "))
        .satisfiesExactly(
            line -> assertThat(line).contains("/demo_probes.c -o " + object("1-demo_probes.o")),
            line -> assertThat(line).contains("/demo_probes_2.c -o " + object("2-demo_probes_2.o")),
            line -> assertThat(line).contains("/extra.c -o " + object("3-extra.o")));
    assertThat(executing().get(3)).contains(" -shared ").endsWith(
        " -o " + built() + " -fno-toplevel-reorder");
    List<SdtProbe> notes = ElfNoteReader.readProbes(built());
    assertThat(notes).extracting(p -> p.provider() + ":" + p.name())
        .containsExactlyInAnyOrder("demo:tick", "demo:tock", "demo:tack");
    // Each probe's semaphore is the one its own source file defined, wherever the linker put it.
    assertThat(notes).extracting(SdtProbe::semaphore).doesNotHaveDuplicates()
        .doesNotContain(0L);
    assertThat(packaged()).hasSameBinaryContentAs(built());
  }

  @Test
  void anUnchangedBuildOfSeveralSourcesDoesNotRunGccAgain() throws Exception {
    splitGeneratedSource();
    compile();
    FileTime before = Files.getLastModifiedTime(built());
    log = new RecordingLog();

    compile();

    assertThat(log.at("info")).containsExactly("libdemo.so is up to date");
    assertThat(Files.getLastModifiedTime(built())).isEqualTo(before);
  }

  @Test
  void aChangeToOneOfSeveralSourcesRebuildsTheLibrary() throws Exception {
    splitGeneratedSource();
    compile();
    DemoProject.write(project.generatedSources().resolve("jusdt/demo/demo_probes_2.c"),
        SECOND_SOURCE + "void demo_tack_twice(jlong n) { demo_tack(n); demo_tack(n); }\n");
    log = new RecordingLog();

    compile();

    assertThat(executing()).hasSize(4);
  }

  @Test
  void aSourceThatNoLongerExistsLeavesNoObjectBehindInTheLibrary() throws Exception {
    splitGeneratedSource();
    compile();
    Manifests.write(project.manifestDirectory(), "demo", DemoProject.MANIFEST);

    compile();

    assertThat(ElfNoteReader.readProbes(built())).extracting(SdtProbe::name)
        .containsExactlyInAnyOrder("tick", "tock");
  }

  @Test
  void anUnchangedBuildDoesNotRunGccAgain() throws Exception {
    compile();
    FileTime before = Files.getLastModifiedTime(built());
    log = new RecordingLog();

    compile();

    assertThat(log.at("info")).containsExactly("libdemo.so is up to date");
    assertThat(Files.getLastModifiedTime(built())).isEqualTo(before);
  }

  @Test
  void aChangedHandWrittenFileIsRebuilt() throws Exception {
    compile();
    DemoProject.write(project.nativeSources().resolve("extra.c"),
        DemoProject.HAND_WRITTEN + "void demo_more(void) { demo_tick(1); }\n");
    log = new RecordingLog();

    compile();

    assertThat(log.at("info")).first().asString().startsWith("Executing: ");
  }

  @Test
  void aNewHandWrittenHeaderIsRebuilt() throws Exception {
    compile();
    DemoProject.write(project.nativeSources().resolve("extra.h"), "#define EXTRA 1\n");
    log = new RecordingLog();

    compile();

    assertThat(log.at("info")).first().asString().startsWith("Executing: ");
  }

  @Test
  void aMissingPackagedCopyIsRestoredWithoutRunningGcc() throws Exception {
    compile();
    Files.delete(packaged());
    log = new RecordingLog();

    compile();

    assertThat(log.at("info"))
        .containsExactly("libdemo.so is up to date", "Copied libdemo.so to " + packaged());
    assertThat(packaged()).hasSameBinaryContentAs(built());
  }

  @Test
  void aTamperedPackagedCopyIsReplaced() throws Exception {
    compile();
    Files.writeString(packaged(), "not a library");

    compile();

    assertThat(packaged()).hasSameBinaryContentAs(built());
    assertThat(Files.readString(record())).isEqualTo(expectedRecord());
  }

  @Test
  void aDeletedLibraryIsRebuiltEvenIfTheStampMatches() throws Exception {
    compile();
    Files.delete(built());
    log = new RecordingLog();

    compile();

    assertThat(log.at("info")).first().asString().startsWith("Executing: ");
    assertThat(built()).isRegularFile();
  }

  @Test
  void noManifestMeansNothingToCompile() throws Exception {
    Files.delete(project.manifestDirectory().resolve("demo.json"));

    compile();

    assertThat(log.at("info"))
        .containsExactly("No probe manifest in " + project.manifestDirectory()
            + "; nothing to compile");
    assertThat(project.buildDirectory()).doesNotExist();
  }

  @Test
  void aCompileErrorFailsWithTheCommandLineAndTheCompilerOutput() throws Exception {
    DemoProject.write(project.nativeSources().resolve("extra.c"), "int broken(void) { return }\n");

    assertThatThrownBy(this::compile)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("compiling libdemo.so failed with exit code 1:\n  " + gcc)
        .hasMessageContaining(" -c " + project.nativeSources().resolve("extra.c") + " ")
        .hasMessageContaining("extra.c:1:")
        .hasMessageContaining("error:");
    assertThat(project.buildDirectory().resolve("linux-x86_64/libdemo.stamp")).doesNotExist();
  }

  @Test
  void compileErrorsInSeveralSourcesAreAllReported() throws Exception {
    splitGeneratedSource();
    DemoProject.write(project.generatedSources().resolve("jusdt/demo/demo_probes_2.c"),
        "int broken2(void) { return }\n");
    DemoProject.write(project.nativeSources().resolve("extra.c"), "int broken(void) { return }\n");

    assertThatThrownBy(this::compile)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("demo_probes_2.c:1:")
        .hasMessageContaining("extra.c:1:");
    assertThat(executing()).noneSatisfy(line -> assertThat(line).contains(" -shared "));
  }

  @Test
  void warningsAreLoggedButDoNotFail() throws Exception {
    DemoProject.write(project.nativeSources().resolve("extra.c"),
        DemoProject.HAND_WRITTEN + "int unused_param(int x) { return 0; }\n");

    compile();

    assertThat(log.at("warn")).anySatisfy(line -> assertThat(line).contains("-Wunused-parameter"));
  }

  @Test
  void aGeneratedSourceTheManifestListsMustExist() throws Exception {
    Path source = project.generatedSources().resolve("jusdt/demo/demo_probes.c");
    Files.delete(source);

    assertThatThrownBy(this::compile)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lists generated C that does not exist: [" + source + "]")
        .hasMessageContaining("-Dusdt.generatedSourcesDirectory");
  }

  private List<String> executing() {
    return log.at("info").stream().filter(line -> line.startsWith("Executing: ")).toList();
  }

  private Path object(String name) {
    return project.buildDirectory().resolve("linux-x86_64/obj/demo").resolve(name);
  }

  /** A second generated source with a third probe, as the processor writes for many probes. */
  private static final String SECOND_SOURCE =
      """
      #define _SDT_HAS_SEMAPHORES 1
      #include <sys/sdt.h>
      #include "demo_probes.h"

      unsigned short demo_tack_semaphore __attribute__((section(".probes")));

      void demo_tack(jlong count) {
        if (demo_tack_semaphore) DTRACE_PROBE1(demo, tack, count);
      }
      """;

  private void splitGeneratedSource() throws Exception {
    DemoProject.write(project.generatedSources().resolve("jusdt/demo/demo_probes_2.c"),
        SECOND_SOURCE);
    Manifests.write(project.manifestDirectory(), "demo", DemoProject.MANIFEST.replace(
        "'sources': ['jusdt/demo/demo_probes.c']",
        "'sources': ['jusdt/demo/demo_probes.c', 'jusdt/demo/demo_probes_2.c']"));
  }

  @Test
  void anUnsupportedHostFailsNamingSkip() {
    assertThatThrownBy(
            () -> new GccCompiler(settings("Mac OS X", "aarch64", JDK, null), log).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("-Dusdt.skip=true");
  }

  @Test
  void aJdkWithoutJniHeadersFailsBeforeRunningGcc() {
    Path jre = dir.resolve("jre");

    assertThatThrownBy(() -> new GccCompiler(settings("Linux", "amd64", jre, null), log).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("the JDK at " + jre + " has no include/jni.h");
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void aMissingCompilerFailsNamingTheDebianPackage() {
    assertThatThrownBy(
            () -> new GccCompiler(settings("Linux", "amd64", JDK, "/no/such/gcc"), log).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("apt-get install gcc");
  }

  @Test
  void aChangedCompilerArgumentIsRebuilt() throws Exception {
    compile();
    log = new RecordingLog();
    CompileSettings withDefine =
        new CompileSettings(
            project.manifestDirectory(), project.generatedSources(), project.nativeSources(),
            project.buildDirectory(), project.nativeOutputDirectory(), null,
            List.of("-fno-toplevel-reorder", "-DEXTRA=1"), JDK,
            Map.of("PATH", gcc.getParent().toString()), "Linux", "amd64");

    new GccCompiler(withDefine, log).execute();

    assertThat(log.at("info")).first().asString().startsWith("Executing: ").endsWith("-DEXTRA=1");
  }
}
