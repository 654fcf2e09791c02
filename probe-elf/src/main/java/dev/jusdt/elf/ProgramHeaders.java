package dev.jusdt.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code PT_NOTE} segments through the program headers, the fallback for files whose
 * section headers were stripped: the notes are still there, only their section names are gone.
 */
final class ProgramHeaders {

  private static final long PT_NOTE = 4;
  private static final int PN_XNUM = 0xffff;

  private ProgramHeaders() {}

  /** The note segments, in program header order; none if the file has no program headers. */
  static List<NoteRegion> notes(ElfImage image, ElfHeader header) throws ElfFormatException {
    ElfClass c = image.elfClass();
    long phoff = header.phoff();
    if (phoff == 0 || header.phnum() == 0) {
      return List.of();
    }
    if (header.phnum() == PN_XNUM) {
      throw new ElfFormatException(
          "e_phnum is PN_XNUM, which keeps the real count in section header 0, but the file has"
              + " no section headers",
          c.ePhnum());
    }
    if (header.phentsize() < c.programHeaderSize()) {
      throw new ElfFormatException(
          "e_phentsize is "
              + header.phentsize()
              + ", smaller than a "
              + c
              + " program header ("
              + c.programHeaderSize()
              + " bytes)",
          c.ePhentsize());
    }
    image.requireRange(
        phoff,
        (long) header.phnum() * header.phentsize(),
        c.ePhoff(),
        "program header table of " + header.phnum() + " entries");

    List<NoteRegion> regions = new ArrayList<>();
    for (int i = 0; i < header.phnum(); i++) {
      long at = phoff + (long) i * header.phentsize();
      if (image.u32(at, "p_type") != PT_NOTE) {
        continue;
      }
      String what = "PT_NOTE segment (program header " + i + ")";
      long offset = image.word(at + c.pOffset(), "p_offset");
      long size = image.word(at + c.pFilesz(), "p_filesz");
      image.requireRange(offset, size, at, what);
      int align = NoteRegion.alignment(image.word(at + c.pAlign(), "p_align"), at, what);
      regions.add(new NoteRegion(offset, size, align, what));
    }
    return regions;
  }
}
