package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of argument tokens over generated operands, not just the ones gcc happens to emit. */
class SdtArgumentPropertyTest {

  @Property(seed = "20240611")
  void parseInvertsFormat(@ForAll("arguments") SdtArgument argument) throws Exception {
    assertThat(SdtArgument.parse(argument.format())).isEqualTo(argument);
  }

  @Property(tries = 5000, seed = "20240611")
  void parseOfAnyStringReturnsOrThrowsAFormatError(@ForAll String token) {
    try {
      SdtArgument argument = SdtArgument.parse(token);
      assertThat(argument.format()).isEqualTo(token);
    } catch (ElfFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<SdtArgument> arguments() {
    Arbitrary<Integer> sizes = Arbitraries.of(1, 2, 4, 8);
    // Operands as assemblers print them: no blanks outside brackets, no '@' in a bare one.
    Arbitrary<String> operands =
        Arbitraries.oneOf(
            Arbitraries.of("%rax", "%rdi", "%r15", "$0", "$-1", "x0", "[sp]"),
            Arbitraries.integers().between(-4096, 4096).map(offset -> offset + "(%rbp)"),
            Arbitraries.integers().between(-512, 512).map(offset -> "[sp, " + offset + "]"));
    return Combinators.combine(sizes, Arbitraries.of(true, false), operands).as(SdtArgument::new);
  }
}
