package dev.jusdt.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every misuse under {@code bad/} is a compile error on the offending line, with the message its
 * {@code // expect: } comment gives.
 */
class CompileErrorsTest {

  private static final String EXPECT = "// expect: ";

  private static final Map<String, List<String>> EXTRA_SOURCES =
      Map.of(
          "bad/clash/Phases.java", List.of("bad/clash/AppProbes.java"),
          "bad/typedclash/ServerProbes.java", List.of("bad/typedclash/UsdtServerProbes.java"),
          "bad/nested/Outer.java", List.of("bad/nested/Outer_Probes.java"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bad/test/ArgsDisagreeWithParameters.java",
        "bad/test/ArgsOutOfRange.java",
        "bad/test/BadProviderOnType.java",
        "bad/test/CaseOnlyMethods.java",
        "bad/test/ConstantMacroClash.java",
        "bad/test/ConstantValuesClash.java",
        "bad/test/DashedProvider.java",
        "bad/test/DefaultMethodProbe.java",
        "bad/test/DisagreeingArgs.java",
        "bad/test/DisagreeingMethods.java",
        "bad/test/DollarMethod.java",
        "bad/test/EmptyProbeName.java",
        "bad/test/EnabledMethodTaken.java",
        "bad/test/GenericProbe.java",
        "bad/test/GenericProbeType.java",
        "bad/test/HeaderMacroTaken.java",
        "bad/test/InnerProbeClass.java",
        "bad/test/JusdtProvider.java",
        "bad/test/MacroClash.java",
        "bad/test/MacroInProbeName.java",
        "bad/test/MacroProvider.java",
        "bad/test/MissingProvider.java",
        "bad/test/NegativeArgs.java",
        "bad/test/NoDefaultConstructor.java",
        "bad/test/NonFinalPhase.java",
        "bad/test/NonIntegralPhase.java",
        "bad/test/NotCompileTimeConstant.java",
        "bad/test/OverloadedProbe.java",
        "bad/test/PhaseAndMethod.java",
        "bad/test/PhaseMethodClash.java",
        "bad/test/PhaseWithFourArgs.java",
        "bad/test/PhaseWithoutArgs.java",
        "bad/test/ProbeInConcreteClass.java",
        "bad/test/ProbeReturningValue.java",
        "bad/test/ProbeThrows.java",
        "bad/test/ProviderClassClash.java",
        "bad/test/ReservedProbeName.java",
        "bad/test/SharedPhaseValue.java",
        "bad/test/SpaceInProbeName.java",
        "bad/test/ThirteenParameters.java",
        "bad/test/TokenIsConstantMacro.java",
        "bad/test/TooLongProbeName.java",
        "bad/test/TooLongProvider.java",
        "bad/test/TrailingDashProbeName.java",
        "bad/test/UnannotatedAbstractMethod.java",
        "bad/test/UnsupportedParameter.java",
        "bad/clash/Phases.java",
        "bad/typedclash/ServerProbes.java",
        "bad/nested/Outer.java"
      })
  void misuseIsAnErrorOnTheOffendingLine(String resource) throws IOException {
    JavaFileObject source = Sources.source(resource);
    // Another source first, so that javac meets its declarations before the offending one.
    List<JavaFileObject> sources = new ArrayList<>();
    EXTRA_SOURCES.getOrDefault(resource, List.of()).forEach(r -> sources.add(Sources.source(r)));
    sources.add(source);

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

  @Test
  void aLibraryNameThatIsNoFileNameIsAnError() {
    Compilation compilation =
        javac()
            .withProcessors(new UsdtProcessor())
            .withOptions("-Ajusdt.library=../evil")
            .compile(Sources.source("good/dev/jusdt/example/Phases.java"));

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[UsdtLibraryName] -Ajusdt.library=../evil is not a library name: use letters, digits,"
                + " _, - and ., starting with a letter, digit or _ (the library is lib<name>.so)");
    assertThat(compilation.errors()).hasSize(1);
  }
}
