package dev.jusdt.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Java, C, header, manifest and trace scripts, compared with the files under {@code
 * expected/}.
 */
class GoldenFilesTest {

  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .compile(
                Sources.source("good/dev/jusdt/example/Phases.java"),
                Sources.source("good/dev/jusdt/example/ServerProbes.java"));
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void phaseBindingMatchesGoldenFile() {
    assertThat(compilation)
        .generatedSourceFile("dev.jusdt.example.HaconiwaProbes")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/HaconiwaProbes.java"));
  }

  @Test
  void typedBindingMatchesGoldenFile() {
    assertThat(compilation)
        .generatedSourceFile("dev.jusdt.example.UsdtServerProbes")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/UsdtServerProbes.java"));
  }

  @Test
  void cSourceMatchesGoldenFileByteForByte() throws IOException {
    assertThat(generated(StandardLocation.SOURCE_OUTPUT, "jusdt/haconiwa/haconiwa_probes.c"))
        .isEqualTo(expected("expected/haconiwa_probes.c"));
  }

  @Test
  void cHeaderMatchesGoldenFileByteForByte() throws IOException {
    assertThat(generated(StandardLocation.SOURCE_OUTPUT, "jusdt/haconiwa/haconiwa_probes.h"))
        .isEqualTo(expected("expected/haconiwa_probes.h"));
  }

  @Test
  void manifestMatchesGoldenFileByteForByte() throws IOException {
    assertThat(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/haconiwa.json"))
        .isEqualTo(expected("expected/haconiwa.json"));
  }

  @Test
  void bpftraceScriptsMatchGoldenFilesByteForByte() throws IOException {
    assertThat(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/haconiwa/haconiwa.bt"))
        .isEqualTo(expected("expected/haconiwa.bt"));
    assertThat(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/haconiwa/myapp.bt"))
        .isEqualTo(expected("expected/myapp.bt"));
  }

  @Test
  void bccScriptsMatchGoldenFilesByteForByte() throws IOException {
    assertThat(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/haconiwa/haconiwa_trace.py"))
        .isEqualTo(expected("expected/haconiwa_trace.py"));
    assertThat(generated(StandardLocation.CLASS_OUTPUT, "META-INF/jusdt/haconiwa/myapp_trace.py"))
        .isEqualTo(expected("expected/myapp_trace.py"));
  }

  private static String generated(StandardLocation location, String path) throws IOException {
    JavaFileObject file = compilation.generatedFile(location, path).orElseThrow();
    return file.getCharContent(true).toString();
  }

  private static String expected(String resource) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
