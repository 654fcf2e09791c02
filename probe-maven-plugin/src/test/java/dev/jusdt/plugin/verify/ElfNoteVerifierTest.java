package dev.jusdt.plugin.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jusdt.plugin.testing.DemoProject;
import dev.jusdt.plugin.testing.Manifests;
import dev.jusdt.plugin.testing.NativeToolchain;
import dev.jusdt.plugin.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies libraries gcc built from small C files with {@code <sys/sdt.h>}. */
class ElfNoteVerifierTest {

  @TempDir Path dir;
  private Path manifests;
  private Path natives;
  private Path platformDirectory;
  private RecordingLog log;

  @BeforeEach
  void directories() {
    manifests = dir.resolve("classes/META-INF/jusdt");
    natives = dir.resolve("classes/META-INF/native");
    platformDirectory = natives.resolve("linux-x86_64");
    log = new RecordingLog();
  }

  private void verify() throws Exception {
    new ElfNoteVerifier(new VerifySettings(manifests, natives, "Linux", "amd64"), log).execute();
  }

  private void buildDemo(String c) throws Exception {
    NativeToolchain.buildLibrary(platformDirectory, "demo",
        c.replace("#include \"demo_probes.h\"", DemoProject.HEADER
            .replace("#include <jni.h>", "#include <stdint.h>\ntypedef int64_t jlong;"
                + " typedef int32_t jint;")));
  }

  @Test
  void aLibraryBuiltFromTheDeclarationPasses() throws Exception {
    buildDemo(DemoProject.SOURCE);
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    verify();

    assertThat(log.at("info"))
        .containsExactly("Verified libdemo.so: 2 probes in 2 note entries match demo.json");
  }

  @Test
  void everyMismatchOfTheLibraryIsInOneFailure() throws Exception {
    buildDemo(DemoProject.SOURCE
        .replace("unsigned short demo_tock_semaphore", "#define demo_tock_semaphore"
            + " demo_tick_semaphore\nunsigned short demo_unused")
        + "\nunsigned short demo_stray_semaphore __attribute__((section(\".probes\")));\n"
        + "void demo_stray(void) { if (demo_stray_semaphore) DTRACE_PROBE(demo, stray); }\n");
    Path manifest = Manifests.write(manifests, "demo", DemoProject.MANIFEST
        .replace("'sites': [['long']]", "'sites': [['int']]"));

    assertThatThrownBy(this::verify)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(platformDirectory.resolve("libdemo.so")
            + " does not match its probe manifest " + manifest + " (3 problems):\n")
        .hasMessageMatching("(?s).*\n  demo:tick \\(declared at dev.demo.Clock#tick\\): note entry"
            + " at 0x[0-9a-f]+ has arguments \"-8@%[a-z0-9]+\" but the declaration has \\(int\\)"
            + " = -4\n.*")
        .hasMessageContaining("\n  demo:tick and demo:tock share the semaphore at 0x")
        .hasMessageMatching("(?s).*\n  demo:stray: note entry at 0x[0-9a-f]+ under provider demo"
            + " is not declared in the manifest;.*");
  }

  @Test
  void aLibraryWithoutSemaphoresFails() throws Exception {
    buildDemo(DemoProject.SOURCE.replace("#define _SDT_HAS_SEMAPHORES 1", ""));
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    assertThatThrownBy(this::verify)
        .hasMessageContaining("demo:tick (declared at dev.demo.Clock#tick): note entry at 0x")
        .hasMessageContaining("has no semaphore");
  }

  @Test
  void aLibraryNotBuiltYetFailsNamingCompile() throws Exception {
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    assertThatThrownBy(this::verify)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("libdemo.so has not been built: " + platformDirectory.resolve("libdemo.so")
            + " does not exist; run probe:compile before probe:verify (list both goals in one"
            + " execution)");
  }

  @Test
  void aFileThatIsNotElfFails() throws Exception {
    Files.createDirectories(platformDirectory);
    Files.writeString(platformDirectory.resolve("libdemo.so"), "#!/bin/sh\n");
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    assertThatThrownBy(this::verify)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("cannot read the SDT notes of "
            + platformDirectory.resolve("libdemo.so") + ": ");
  }

  @Test
  void noManifestMeansNothingToVerify() throws Exception {
    verify();

    assertThat(log.at("info"))
        .containsExactly("No probe manifest in " + manifests + "; nothing to verify");
  }

  @Test
  void anUnsupportedHostFailsNamingSkip() throws Exception {
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    assertThatThrownBy(() -> new ElfNoteVerifier(
            new VerifySettings(manifests, natives, "FreeBSD", "amd64"), log).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("-Dusdt.skip=true");
  }

  @Test
  void anInvalidManifestFailsNamingIt() throws Exception {
    Path manifest = Manifests.write(manifests, "demo", "{'format': 7}");

    assertThatThrownBy(this::verify)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining(manifest.toString())
        .hasMessageContaining("format 7");
  }
}
