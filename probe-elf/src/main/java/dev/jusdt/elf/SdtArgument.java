package dev.jusdt.elf;

import java.util.List;
import java.util.Objects;

/**
 * One argument of an SDT probe as sys/sdt.h describes it: {@code [-]N@operand}, where {@code N} is
 * the size in bytes, a leading {@code -} marks a signed value and the operand is the assembler
 * operand a tracer reads the value from ({@code %rax}, {@code -16(%rbp)}, {@code $5}, {@code [sp,
 * 8]}).
 *
 * <p>Size 0 means the note does not say: a token without {@code N@}, as written by sys/sdt.h before
 * version 3. Such an argument is unsigned and formats as the bare operand, so that {@link
 * SdtProbe#argumentText()} still reproduces the note; tracers read it as one machine word.
 *
 * @param size the size in bytes: 1, 2, 4 or 8, or 0 if the note does not say
 * @param signed whether the value is signed; never true when the size is 0
 * @param operand the assembler operand, never empty
 */
public record SdtArgument(int size, boolean signed, String operand) {

  /**
   * Checks the components.
   *
   * @param size 1, 2, 4 or 8, or 0 if unknown
   * @param signed whether the value is signed
   * @param operand the assembler operand
   * @throws IllegalArgumentException if the size is not 0, 1, 2, 4 or 8, a size-0 argument is
   *     signed, or the operand is empty
   */
  public SdtArgument {
    Objects.requireNonNull(operand, "operand");
    if (size != 0 && size != 1 && size != 2 && size != 4 && size != 8) {
      throw new IllegalArgumentException("size must be 1, 2, 4 or 8 (or 0 if unknown): " + size);
    }
    if (size == 0 && signed) {
      throw new IllegalArgumentException("an argument of unknown size cannot be signed");
    }
    if (operand.isEmpty()) {
      throw new IllegalArgumentException("operand is empty");
    }
  }

  /**
   * Parses one token of a note's argument string.
   *
   * @param token e.g. {@code -8@%rax}, {@code 1@-17(%rbp)}, {@code -4@[sp, 12]}, or a bare operand
   *     such as {@code %rax} from a pre-version-3 note
   * @return the argument; a bare operand has size 0 and is unsigned
   * @throws ElfFormatException if the size is not 1, 2, 4 or 8, the operand is missing, or the
   *     token holds more than one argument
   */
  public static SdtArgument parse(String token) throws ElfFormatException {
    List<String> tokens = ArgumentText.split(token, 1);
    if (tokens.size() != 1 || !tokens.get(0).equals(token)) {
      throw new ElfFormatException("not a single SDT argument: " + ArgumentText.quote(token));
    }
    int at = token.indexOf('@');
    if (at < 0) {
      return new SdtArgument(0, false, token);
    }
    boolean signed = token.startsWith("-");
    String digits = token.substring(signed ? 1 : 0, at);
    int size;
    switch (digits) {
      case "1":
      case "2":
      case "4":
      case "8":
        size = digits.charAt(0) - '0';
        break;
      default:
        throw new ElfFormatException(
            "SDT argument size must be 1, 2, 4 or 8 bytes, not \""
                + (digits.length() > 20 ? digits.substring(0, 20) + "..." : digits)
                + "\", in "
                + ArgumentText.quote(token));
    }
    if (at == token.length() - 1) {
      throw new ElfFormatException(
          "SDT argument has no operand after '@': " + ArgumentText.quote(token));
    }
    return new SdtArgument(size, signed, token.substring(at + 1));
  }

  /**
   * The token as sys/sdt.h writes it, the inverse of {@link #parse}.
   *
   * @return e.g. {@code -8@%rax}, or the bare operand if the size is 0
   */
  public String format() {
    if (size == 0) {
      return operand;
    }
    return (signed ? "-" : "") + size + "@" + operand;
  }
}
