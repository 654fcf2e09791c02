package dev.jusdt.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@code SHT_NOTE} sections named {@code .note.stapsdt} through the section headers. */
final class SectionHeaders {

  private static final long SHT_NOTE = 7;
  private static final long SHF_COMPRESSED = 0x800;
  private static final int SHN_UNDEF = 0;
  private static final int SHN_XINDEX = 0xffff;
  private static final byte[] STAPSDT_SECTION =
      ".note.stapsdt\0".getBytes(StandardCharsets.US_ASCII);

  private SectionHeaders() {}

  /**
   * The SDT note sections, in section header order.
   *
   * @param header a header whose {@link ElfHeader#hasSectionHeaders()} is true
   */
  static List<NoteRegion> stapsdtNotes(ElfImage image, ElfHeader header) throws ElfFormatException {
    ElfClass c = image.elfClass();
    if (header.shentsize() < c.sectionHeaderSize()) {
      throw new ElfFormatException(
          "e_shentsize is "
              + header.shentsize()
              + ", smaller than a "
              + c
              + " section header ("
              + c.sectionHeaderSize()
              + " bytes)",
          c.eShentsize());
    }
    long shoff = header.shoff();
    image.requireRange(shoff, header.shentsize(), c.eShoff(), "section header 0 at e_shoff");
    // Files with 0xff00 sections or more keep the real count and string table index in
    // section header 0 (gABI "extended section numbering").
    long count = header.shnum() != 0 ? header.shnum() : image.word(shoff + c.shSize(), "sh_size");
    long shstrndx =
        header.shstrndx() != SHN_XINDEX
            ? header.shstrndx()
            : image.u32(shoff + c.shLink(), "sh_link");
    // Dividing, rather than multiplying count by the entry size, cannot overflow.
    if (count < 0 || count > (image.size() - shoff) / header.shentsize()) {
      throw new ElfFormatException(
          "section header table of "
              + Long.toUnsignedString(count)
              + " entries of "
              + header.shentsize()
              + " bytes at 0x"
              + Long.toHexString(shoff)
              + " runs past the end of the file ("
              + image.size()
              + " bytes)",
          c.eShoff());
    }
    if (shstrndx == SHN_UNDEF) {
      // Without a section name string table no section can be called .note.stapsdt.
      return List.of();
    }
    if (shstrndx >= count) {
      throw new ElfFormatException(
          "e_shstrndx " + shstrndx + " is not below the section count " + count, c.eShstrndx());
    }
    long names = shoff + shstrndx * header.shentsize();
    long namesStart = image.word(names + c.shOffset(), "sh_offset");
    long namesSize = image.word(names + c.shSize(), "sh_size");
    image.requireRange(
        namesStart, namesSize, names, "section name string table (section " + shstrndx + ")");

    List<NoteRegion> regions = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long at = shoff + i * header.shentsize();
      if (image.u32(at + 4, "sh_type") != SHT_NOTE) {
        continue;
      }
      long name = image.u32(at, "sh_name");
      if (name >= namesSize) {
        throw new ElfFormatException(
            "section "
                + i
                + " has sh_name 0x"
                + Long.toHexString(name)
                + " past the end of the section name string table",
            at);
      }
      if (!image.startsWith(namesStart + name, namesStart + namesSize, STAPSDT_SECTION)) {
        continue;
      }
      regions.add(noteRegion(image, at, i));
    }
    return regions;
  }

  private static NoteRegion noteRegion(ElfImage image, long at, long index)
      throws ElfFormatException {
    ElfClass c = image.elfClass();
    String what = "section [" + index + "] .note.stapsdt";
    if ((image.word(at + c.shFlags(), "sh_flags") & SHF_COMPRESSED) != 0) {
      throw new ElfFormatException(what + " is compressed (SHF_COMPRESSED)", at);
    }
    long offset = image.word(at + c.shOffset(), "sh_offset");
    long size = image.word(at + c.shSize(), "sh_size");
    image.requireRange(offset, size, at, what);
    int align = NoteRegion.alignment(image.word(at + c.shAddralign(), "sh_addralign"), at, what);
    return new NoteRegion(offset, size, align, what);
  }
}
