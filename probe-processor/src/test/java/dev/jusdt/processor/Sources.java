package dev.jusdt.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Test inputs and expectations under {@code src/test/resources}. */
final class Sources {

  private Sources() {}

  /** A source under {@code good/} or {@code bad/}, e.g. {@code good/dev/jusdt/example/Phases.java}. */
  static JavaFileObject source(String resource) {
    return JavaFileObjects.forResource(resource);
  }

  /**
   * Runs the processor on the golden-file example ({@code Phases}, {@code ServerProbes}) and
   * writes the C source and header it generates, {@code haconiwa_probes.c} and {@code .h}, into
   * {@code dir}.
   */
  static void writeExampleC(Path dir) throws IOException {
    Compilation compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .compile(
                source("good/dev/jusdt/example/Phases.java"),
                source("good/dev/jusdt/example/ServerProbes.java"));
    for (String name : List.of("haconiwa_probes.c", "haconiwa_probes.h")) {
      Files.writeString(
          dir.resolve(name),
          compilation
              .generatedFile(StandardLocation.SOURCE_OUTPUT, "jusdt/haconiwa/" + name)
              .orElseThrow()
              .getCharContent(true));
    }
  }
}
