package dev.jusdt.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes small ELF files by hand, for the layouts gcc on this machine cannot produce (big-endian,
 * no section headers, 8-byte note alignment, extended section numbering) and for precise
 * corruption. The file is: ELF header, one {@code PT_NOTE} program header, the notes, the section
 * name string table, and the section headers (null, the note section, {@code .shstrtab}). Each part
 * can be left out or varied.
 */
final class SyntheticElf {

  static final int SHT_NOTE = 7;
  static final int SHT_STRTAB = 3;
  static final int PT_NOTE = 4;

  private final boolean is64;
  private final ByteOrder order;
  private final List<byte[]> notes = new ArrayList<>();
  private int noteAlign = 4;
  private boolean withSectionHeaders = true;
  private boolean withProgramHeaders = true;
  private boolean extendedNumbering;
  private String noteSectionName = ".note.stapsdt";
  private int noteSections = 1;

  private int notesOffset;
  private int notesSize;
  private int phoff;
  private int shoff;

  private SyntheticElf(boolean is64, ByteOrder order) {
    this.is64 = is64;
    this.order = order;
  }

  static SyntheticElf elf64(ByteOrder order) {
    return new SyntheticElf(true, order);
  }

  static SyntheticElf elf32(ByteOrder order) {
    return new SyntheticElf(false, order);
  }

  /** Adds an {@code NT_STAPSDT} note. */
  SyntheticElf sdt(
      String provider, String name, long location, long base, long semaphore, String arguments) {
    int strings = utf8(provider).length + utf8(name).length + utf8(arguments).length + 3;
    ByteBuffer desc = ByteBuffer.allocate(3 * 8 + strings).order(order);
    putWord(desc, location);
    putWord(desc, base);
    putWord(desc, semaphore);
    desc.put(utf8(provider)).put((byte) 0).put(utf8(name)).put((byte) 0);
    desc.put(utf8(arguments)).put((byte) 0);
    return note("stapsdt", 3, Arrays.copyOf(desc.array(), desc.position()));
  }

  /** Adds any note; {@code owner} gets its terminating NUL here. */
  SyntheticElf note(String owner, long type, byte[] desc) {
    byte[] name = (owner + "\0").getBytes(StandardCharsets.UTF_8);
    // Padding counts from the start of the note, so with 8-byte alignment the 12-byte header
    // and the name are padded together.
    int descAt = pad(12 + name.length);
    ByteBuffer note = ByteBuffer.allocate(pad(descAt + desc.length)).order(order);
    note.putInt(name.length).putInt(desc.length).putInt((int) type);
    note.put(name).position(descAt);
    note.put(desc);
    notes.add(note.array());
    return this;
  }

  /** Pads names and descriptors to 8 bytes, as GNU property notes are; call before notes. */
  SyntheticElf noteAlign(int align) {
    this.noteAlign = align;
    return this;
  }

  SyntheticElf withoutSectionHeaders() {
    withSectionHeaders = false;
    return this;
  }

  SyntheticElf withoutProgramHeaders() {
    withProgramHeaders = false;
    return this;
  }

  /** Writes e_shnum 0 and e_shstrndx SHN_XINDEX, moving both into section header 0. */
  SyntheticElf extendedNumbering() {
    extendedNumbering = true;
    return this;
  }

  /** Writes this many section headers, all for the same notes, as a crafted file might. */
  SyntheticElf noteSections(int count) {
    noteSections = count;
    return this;
  }

  SyntheticElf noteSectionName(String name) {
    noteSectionName = name;
    return this;
  }

  byte[] build() {
    int ehsize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    int shentsize = is64 ? 64 : 40;
    byte[] shstrtab = ("\0" + noteSectionName + "\0.shstrtab\0").getBytes(StandardCharsets.UTF_8);
    int shstrtabName = 1 + noteSectionName.length() + 1;

    phoff = withProgramHeaders ? ehsize : 0;
    notesOffset = align8(ehsize + (withProgramHeaders ? phentsize : 0));
    notesSize = notes.stream().mapToInt(n -> n.length).sum();
    int shstrtabOffset = notesOffset + notesSize;
    shoff = withSectionHeaders ? align8(shstrtabOffset + shstrtab.length) : 0;
    int sections = noteSections + 2;
    int size = withSectionHeaders ? shoff + sections * shentsize : shstrtabOffset + shstrtab.length;

    ByteBuffer b = ByteBuffer.allocate(size).order(order);
    b.put(
        new byte[] {
          0x7f,
          'E',
          'L',
          'F',
          (byte) (is64 ? 2 : 1),
          (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2),
          1,
          0
        });
    b.position(16);
    b.putShort((short) 3); // ET_DYN
    b.putShort(machine());
    b.putInt(1);
    putWord(b, 0); // e_entry
    putWord(b, phoff);
    putWord(b, shoff);
    b.putInt(0); // e_flags
    b.putShort((short) ehsize);
    b.putShort((short) phentsize);
    b.putShort((short) (withProgramHeaders ? 1 : 0));
    b.putShort((short) shentsize);
    b.putShort((short) (withSectionHeaders && !extendedNumbering ? sections : 0));
    b.putShort((short) (withSectionHeaders ? (extendedNumbering ? 0xffff : sections - 1) : 0));

    if (withProgramHeaders) {
      b.position(phoff);
      if (is64) {
        b.putInt(PT_NOTE).putInt(4);
        b.putLong(notesOffset).putLong(0).putLong(0).putLong(notesSize).putLong(notesSize);
        b.putLong(noteAlign);
      } else {
        b.putInt(PT_NOTE).putInt(notesOffset).putInt(0).putInt(0);
        b.putInt(notesSize).putInt(notesSize).putInt(4).putInt(noteAlign);
      }
    }
    b.position(notesOffset);
    notes.forEach(b::put);
    b.put(shstrtab);

    if (withSectionHeaders) {
      b.position(shoff);
      sectionHeader(
          b, 0, 0, 0, extendedNumbering ? sections : 0, extendedNumbering ? sections - 1 : 0, 0);
      for (int i = 0; i < noteSections; i++) {
        sectionHeader(b, 1, SHT_NOTE, notesOffset, notesSize, 0, noteAlign);
      }
      sectionHeader(b, shstrtabName, SHT_STRTAB, shstrtabOffset, shstrtab.length, 0, 1);
    }
    return b.array();
  }

  /** Where the notes start in the last built image. */
  int notesOffset() {
    return notesOffset;
  }

  /** Where the section header table starts in the last built image; 0 if it has none. */
  int shoff() {
    return shoff;
  }

  /** Where the section header of the note section (index 1) starts in the last built image. */
  int noteSectionHeader() {
    return shoff + (is64 ? 64 : 40);
  }

  /** A machine that really has this class and byte order, so readelf does not object. */
  private short machine() {
    boolean little = order == ByteOrder.LITTLE_ENDIAN;
    if (is64) {
      return (short) (little ? 62 : 21); // EM_X86_64, EM_PPC64
    }
    return (short) (little ? 3 : 8); // EM_386, EM_MIPS
  }

  private void sectionHeader(
      ByteBuffer b, int name, int type, long offset, long size, int link, int align) {
    b.putInt(name).putInt(type);
    putWord(b, 0); // sh_flags
    putWord(b, 0); // sh_addr
    putWord(b, offset);
    putWord(b, size);
    b.putInt(link).putInt(0);
    putWord(b, align);
    putWord(b, 0); // sh_entsize
  }

  private void putWord(ByteBuffer b, long value) {
    if (is64) {
      b.putLong(value);
    } else {
      b.putInt((int) value);
    }
  }

  private int pad(int length) {
    return (length + noteAlign - 1) / noteAlign * noteAlign;
  }

  private static int align8(int value) {
    return (value + 7) & -8;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Overwrites a 4-byte field of an image, in the image's own byte order. */
  static void putU32(byte[] image, int offset, long value) {
    ByteBuffer.wrap(image).order(orderOf(image)).putInt(offset, (int) value);
  }

  /** Overwrites an 8-byte field of an image, in the image's own byte order. */
  static void putU64(byte[] image, int offset, long value) {
    ByteBuffer.wrap(image).order(orderOf(image)).putLong(offset, value);
  }

  /** Overwrites a 2-byte field of an image, in the image's own byte order. */
  static void putU16(byte[] image, int offset, int value) {
    ByteBuffer.wrap(image).order(orderOf(image)).putShort(offset, (short) value);
  }

  /** Reads an 8-byte field of an image, in the image's own byte order. */
  static long getU64(byte[] image, int offset) {
    return ByteBuffer.wrap(image).order(orderOf(image)).getLong(offset);
  }

  private static ByteOrder orderOf(byte[] image) {
    return image[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }
}
