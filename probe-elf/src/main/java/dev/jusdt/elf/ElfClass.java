package dev.jusdt.elf;

/**
 * Where the fields the reader needs sit in the headers of 32-bit and 64-bit ELF files; the two
 * classes differ in the width of addresses and offsets, and therefore in the position of every
 * field after the first of them.
 */
enum ElfClass {
  ELF32,
  ELF64;

  /** Size of an address, and so of the location, base and semaphore of an SDT note. */
  int wordSize() {
    return pick(4, 8);
  }

  int headerSize() {
    return pick(52, 64);
  }

  int sectionHeaderSize() {
    return pick(40, 64);
  }

  int programHeaderSize() {
    return pick(32, 56);
  }

  // Offsets of fields in the ELF header.

  int ePhoff() {
    return pick(28, 32);
  }

  int eShoff() {
    return pick(32, 40);
  }

  int ePhentsize() {
    return pick(42, 54);
  }

  int ePhnum() {
    return pick(44, 56);
  }

  int eShentsize() {
    return pick(46, 58);
  }

  int eShnum() {
    return pick(48, 60);
  }

  int eShstrndx() {
    return pick(50, 62);
  }

  // Offsets of fields in a section header; sh_name and sh_type are at 0 and 4 in both.

  int shFlags() {
    return 8;
  }

  int shOffset() {
    return pick(16, 24);
  }

  int shSize() {
    return pick(20, 32);
  }

  int shLink() {
    return pick(24, 40);
  }

  int shAddralign() {
    return pick(32, 48);
  }

  // Offsets of fields in a program header; p_type is at 0 in both.

  int pOffset() {
    return pick(4, 8);
  }

  int pFilesz() {
    return pick(16, 32);
  }

  int pAlign() {
    return pick(28, 48);
  }

  private int pick(int elf32, int elf64) {
    return this == ELF32 ? elf32 : elf64;
  }
}
