package dev.jusdt.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every misuse under {@code bad/} is a compile error on the offending line, with the message its
 * {@code // expect: } comment gives.
 */
class CompileErrorsTest {

  private static final String EXPECT = "// expect: ";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bad/test/ArgsOutOfRange.java",
        "bad/test/ThirteenParameters.java",
        "bad/test/NonFinalPhase.java",
        "bad/test/NonIntegralPhase.java",
        "bad/test/NotCompileTimeConstant.java",
        "bad/test/DashedProvider.java",
        "bad/test/MissingProvider.java",
        "bad/test/SpaceInProbeName.java",
        "bad/test/TrailingDashProbeName.java",
        "bad/test/TooLongProbeName.java",
        "bad/test/DisagreeingArgs.java",
        "bad/test/DisagreeingMethods.java",
        "bad/test/SharedPhaseValue.java",
        "bad/test/PhaseWithFourArgs.java",
        "bad/test/PhaseWithoutArgs.java",
        "bad/test/UnsupportedParameter.java",
        "bad/test/OverloadedProbe.java",
        "bad/test/GenericProbe.java",
        "bad/test/ProbeReturningValue.java",
        "bad/test/ProbeInConcreteClass.java",
        "bad/test/ArgsDisagreeWithParameters.java",
        "bad/test/MacroClash.java",
        "bad/test/ConstantMacroClash.java",
        "bad/clash/Phases.java"
      })
  void misuseIsAnErrorOnTheOffendingLine(String resource) throws IOException {
    JavaFileObject source = Sources.source(resource);
    List<JavaFileObject> sources = new ArrayList<>(List.of(source));
    if (resource.startsWith("bad/clash/")) {
      sources.add(Sources.source("bad/clash/AppProbes.java"));
    }

    Compilation compilation = javac().withProcessors(new UsdtProcessor()).compile(sources);

    assertThat(compilation).failed();
    List<String> lines = source.getCharContent(true).toString().lines().toList();
    int expectations = 0;
    for (int i = 0; i < lines.size(); i++) {
      int marker = lines.get(i).indexOf(EXPECT);
      if (marker >= 0) {
        expectations++;
        assertThat(compilation)
            .hadErrorContaining(lines.get(i).substring(marker + EXPECT.length()))
            .inFile(source)
            .onLine(i + 1);
      }
    }
    assertThat(expectations).as("expectations in " + resource).isPositive();
  }
}
