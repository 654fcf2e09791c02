package dev.jusdt.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an ELF file, read in the file's byte order and class, where every read is checked
 * against the end of the file first, so a lying size or offset becomes an {@link
 * ElfFormatException} instead of an {@link IndexOutOfBoundsException}.
 *
 * <p>Offsets and lengths are {@code long} throughout: values read from the file are unsigned and up
 * to 64 bits wide, and the checks below are written so that no sum of two of them can wrap.
 */
final class ElfImage {

  private static final int EI_NIDENT = 16;
  private static final int EI_CLASS = 4;
  private static final int EI_DATA = 5;

  private final ByteBuffer bytes;
  private final ElfClass elfClass;

  private ElfImage(ByteBuffer bytes, ElfClass elfClass) {
    this.bytes = bytes;
    this.elfClass = elfClass;
  }

  /** Checks the identification bytes and returns a view in the class and order they declare. */
  static ElfImage of(byte[] image) throws ElfFormatException {
    if (image.length == 0) {
      throw new ElfFormatException("not an ELF file: the file is empty");
    }
    if (image.length < EI_NIDENT) {
      throw new ElfFormatException(
          "not an ELF file: "
              + image.length
              + " bytes is too short for the 16-byte ELF identification",
          0);
    }
    if (image[0] != 0x7f || image[1] != 'E' || image[2] != 'L' || image[3] != 'F') {
      throw new ElfFormatException(
          String.format(
              "not an ELF file: the magic number is %02x %02x %02x %02x, not 7f 45 4c 46",
              image[0], image[1], image[2], image[3]),
          0);
    }
    ElfClass elfClass;
    switch (image[EI_CLASS]) {
      case 1:
        elfClass = ElfClass.ELF32;
        break;
      case 2:
        elfClass = ElfClass.ELF64;
        break;
      default:
        throw new ElfFormatException(
            "EI_CLASS is "
                + Byte.toUnsignedInt(image[EI_CLASS])
                + ", neither ELFCLASS32 (1) nor ELFCLASS64 (2)",
            EI_CLASS);
    }
    ByteOrder order;
    switch (image[EI_DATA]) {
      case 1:
        order = ByteOrder.LITTLE_ENDIAN;
        break;
      case 2:
        order = ByteOrder.BIG_ENDIAN;
        break;
      default:
        throw new ElfFormatException(
            "EI_DATA is "
                + Byte.toUnsignedInt(image[EI_DATA])
                + ", neither ELFDATA2LSB (1) nor ELFDATA2MSB (2)",
            EI_DATA);
    }
    if (image.length < elfClass.headerSize()) {
      throw new ElfFormatException(
          "truncated ELF header: the file is "
              + image.length
              + " bytes, a "
              + elfClass
              + " header needs "
              + elfClass.headerSize(),
          0);
    }
    return new ElfImage(ByteBuffer.wrap(image).order(order), elfClass);
  }

  ElfClass elfClass() {
    return elfClass;
  }

  long size() {
    return bytes.capacity();
  }

  /**
   * Fails unless {@code [start, start + length)} lies inside the file.
   *
   * @param declaredAt where the field that claimed this range sits, for the message
   * @param what the range, in words a reader of {@code readelf} output recognises
   */
  void requireRange(long start, long length, long declaredAt, String what)
      throws ElfFormatException {
    // Unsigned 64-bit values from the file arrive here as negative longs; reject those first so
    // that "size() - start" below cannot overflow.
    if (start < 0 || length < 0 || start > size() || length > size() - start) {
      throw new ElfFormatException(
          what
              + " [0x"
              + Long.toHexString(start)
              + ", +0x"
              + Long.toHexString(length)
              + ") runs past the end of the file ("
              + size()
              + " bytes)",
          declaredAt);
    }
  }

  int u16(long offset, String what) throws ElfFormatException {
    requireRange(offset, 2, offset, what);
    return Short.toUnsignedInt(bytes.getShort((int) offset));
  }

  long u32(long offset, String what) throws ElfFormatException {
    requireRange(offset, 4, offset, what);
    return Integer.toUnsignedLong(bytes.getInt((int) offset));
  }

  /**
   * An address-sized field, zero-extended. A 64-bit value at or above 2^63 comes back negative,
   * which {@link #requireRange} rejects as an offset and callers print as unsigned.
   */
  long word(long offset, String what) throws ElfFormatException {
    if (elfClass.wordSize() == 4) {
      return u32(offset, what);
    }
    requireRange(offset, 8, offset, what);
    return bytes.getLong((int) offset);
  }

  /** Whether {@code expected} sits at {@code offset} and wholly before {@code end}. */
  boolean startsWith(long offset, long end, byte[] expected) {
    if (offset < 0 || end > size() || offset > end || expected.length > end - offset) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes.get((int) offset + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The offset of the first NUL in {@code [offset, end)}: the end of a C string.
   *
   * @param end the exclusive end of the structure holding the string
   * @throws ElfFormatException if there is no NUL before {@code end}
   */
  long nul(long offset, long end, String what) throws ElfFormatException {
    requireRange(offset, end - offset, offset, what);
    for (long i = offset; i < end; i++) {
      if (bytes.get((int) i) == 0) {
        return i;
      }
    }
    throw new ElfFormatException(what + " is not NUL-terminated", offset);
  }

  /**
   * The bytes {@code [from, to)} decoded as UTF-8.
   *
   * @throws ElfFormatException if they are not well-formed UTF-8
   */
  String utf8(long from, long to, String what) throws ElfFormatException {
    requireRange(from, to - from, from, what);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.duplicate().position((int) from).limit((int) to))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ElfFormatException(what + " is not valid UTF-8", from);
    }
  }
}
