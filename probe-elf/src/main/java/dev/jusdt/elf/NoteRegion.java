package dev.jusdt.elf;

/**
 * A stretch of the file that holds a sequence of ELF notes: a note section or a {@code PT_NOTE}
 * segment, already checked to lie inside the file.
 *
 * @param offset the file offset of the first note
 * @param size the number of bytes of notes
 * @param align the padding unit of names and descriptors, 4 or 8
 * @param what the section or segment, for messages
 */
record NoteRegion(long offset, long size, int align, String what) {

  long end() {
    return offset + size;
  }

  /**
   * The padding unit of a note section or segment, as binutils reads it: the gABI says 8 for 64-bit
   * files, but Linux toolchains write 4 almost everywhere and 8 only for GNU property notes, so the
   * section's own alignment decides.
   *
   * @param declared {@code sh_addralign} or {@code p_align}
   * @param declaredAt where that field sits, for the message
   */
  static int alignment(long declared, long declaredAt, String what) throws ElfFormatException {
    if (declared >= 0 && declared <= 4) {
      return 4;
    }
    if (declared == 8) {
      return 8;
    }
    throw new ElfFormatException(
        what + " has alignment 0x" + Long.toHexString(declared) + "; notes are aligned to 4 or 8",
        declaredAt);
  }
}
