package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Argument tokens parse into size, signedness and operand, and format back unchanged. */
class SdtArgumentTest {

  @Test
  void parsesSignedRegister() throws Exception {
    assertThat(SdtArgument.parse("-8@%rax")).isEqualTo(new SdtArgument(8, true, "%rax"));
  }

  @Test
  void parsesUnsignedMemoryOperand() throws Exception {
    assertThat(SdtArgument.parse("1@-17(%rbp)")).isEqualTo(new SdtArgument(1, false, "-17(%rbp)"));
  }

  @Test
  void parsesNegativeImmediate() throws Exception {
    assertThat(SdtArgument.parse("-4@$-1")).isEqualTo(new SdtArgument(4, true, "$-1"));
  }

  @Test
  void parsesAarch64BracketOperandWithBlank() throws Exception {
    assertThat(SdtArgument.parse("-4@[sp, 12]")).isEqualTo(new SdtArgument(4, true, "[sp, 12]"));
  }

  @Test
  void keepsEverythingAfterTheFirstAtSignAsTheOperand() throws Exception {
    assertThat(SdtArgument.parse("8@sym@GOTPCREL(%rip)").operand()).isEqualTo("sym@GOTPCREL(%rip)");
  }

  @Test
  void tokenWithoutSizeFromOldSdtHeaderHasSizeZeroAndFormatsBare() throws Exception {
    SdtArgument argument = SdtArgument.parse("%rax");

    assertThat(argument).isEqualTo(new SdtArgument(0, false, "%rax"));
    assertThat(argument.format()).isEqualTo("%rax");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-8@%rax", "8@%rdx", "2@-16(%rbp)", "-1@$5", "-4@[x29, -8]", "%eax"})
  void formatIsTheInverseOfParse(String token) throws Exception {
    assertThat(SdtArgument.parse(token).format()).isEqualTo(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"16@%xmm0", "0@%rax", "3@%rax", "08@%rax", "-@%rax", "@%rax", "x@%rax"})
  void rejectsSizesOtherThanOneTwoFourOrEight(String token) {
    assertThatThrownBy(() -> SdtArgument.parse(token))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("SDT argument size must be 1, 2, 4 or 8 bytes");
  }

  @Test
  void rejectsMissingOperand() {
    assertThatThrownBy(() -> SdtArgument.parse("8@"))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("no operand after '@'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "8@%rax 8@%rdx", " 8@%rax", "8@%rax "})
  void rejectsAnythingButOneToken(String token) {
    assertThatThrownBy(() -> SdtArgument.parse(token))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("not a single SDT argument");
  }

  @Test
  void constructorRejectsImpossibleComponents() {
    assertThatThrownBy(() -> new SdtArgument(3, false, "%rax"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SdtArgument(0, true, "%rax"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SdtArgument(8, true, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
