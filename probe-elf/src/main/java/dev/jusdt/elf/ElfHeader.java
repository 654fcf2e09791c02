package dev.jusdt.elf;

/**
 * The fields of the ELF file header that locate the section and program header tables, as written:
 * extended numbering ({@code SHN_XINDEX}, a zero {@code e_shnum}) is resolved by {@link
 * SectionHeaders}, which has the first section header at hand.
 */
record ElfHeader(
    long phoff, int phentsize, int phnum, long shoff, int shentsize, int shnum, int shstrndx) {

  static ElfHeader read(ElfImage image) throws ElfFormatException {
    ElfClass c = image.elfClass();
    return new ElfHeader(
        image.word(c.ePhoff(), "e_phoff"),
        image.u16(c.ePhentsize(), "e_phentsize"),
        image.u16(c.ePhnum(), "e_phnum"),
        image.word(c.eShoff(), "e_shoff"),
        image.u16(c.eShentsize(), "e_shentsize"),
        image.u16(c.eShnum(), "e_shnum"),
        image.u16(c.eShstrndx(), "e_shstrndx"));
  }

  /** Whether the file has a section header table at all; stripped-down files may not. */
  boolean hasSectionHeaders() {
    return shoff != 0;
  }
}
