package dev.jusdt.elf;

import java.nio.file.Path;

/**
 * A file is not an ELF file, or is one whose headers or SDT notes are truncated, inconsistent or
 * out of the reader's limits. The message says what is wrong and, where it is tied to a place in
 * the file, at which offset.
 */
public final class ElfFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * A problem that is not tied to one place in the file, such as a file that is too large.
   *
   * @param problem what is wrong
   */
  public ElfFormatException(String problem) {
    super(problem);
    this.offset = -1;
  }

  /**
   * A problem found at a place in the file; the offset is appended to the message.
   *
   * @param problem what is wrong
   * @param offset the file offset of the field or structure that is wrong
   */
  public ElfFormatException(String problem, long offset) {
    super(problem + " (at file offset 0x" + Long.toHexString(offset) + ")");
    this.offset = offset;
  }

  private ElfFormatException(String message, long offset, ElfFormatException cause) {
    super(message, cause);
    this.offset = offset;
  }

  /**
   * The file offset of the field or structure that is wrong.
   *
   * @return the offset, or -1 if the problem is not tied to one place in the file
   */
  public long offset() {
    return offset;
  }

  /** The same problem, with the file's path in front so a build log names the culprit. */
  ElfFormatException inFile(Path file) {
    return new ElfFormatException(file + ": " + getMessage(), offset, this);
  }
}
