package dev.jusdt.elf;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a file can be broken ends in an ElfFormatException that says what and where. */
class MalformedFilesTest {

  @TempDir Path dir;

  private static SyntheticElf oneProbe() {
    return SyntheticElf.elf64(LITTLE_ENDIAN).sdt("prov", "name", 0x1000, 0x2000, 0, "8@%rdi");
  }

  @Test
  void emptyFileIsAFormatError() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.so"));

    assertThatThrownBy(() -> ElfNoteReader.readProbes(empty))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageStartingWith(empty.toString())
        .hasMessageContaining("not an ELF file: the file is empty");
  }

  @Test
  void nonElfFileIsAFormatError() throws Exception {
    Path script = Files.writeString(dir.resolve("script.so"), "#!/bin/sh\necho not a library\n");

    assertThatThrownBy(() -> ElfNoteReader.readProbes(script))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("not an ELF file: the magic number is 23 21 2f 62");
  }

  @Test
  void fileShorterThanTheIdentificationIsAFormatError() {
    assertThatThrownBy(() -> ElfNoteReader.readProbes(new byte[] {0x7f, 'E', 'L', 'F'}))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("too short for the 16-byte ELF identification");
  }

  @Test
  void unknownClassIsAFormatError() {
    byte[] image = oneProbe().build();
    image[4] = 3;

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("EI_CLASS is 3, neither ELFCLASS32 (1) nor ELFCLASS64 (2)")
        .hasMessageContaining("at file offset 0x4");
  }

  @Test
  void unknownByteOrderIsAFormatError() {
    byte[] image = oneProbe().build();
    image[5] = 0;

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("EI_DATA is 0, neither ELFDATA2LSB (1) nor ELFDATA2MSB (2)");
  }

  @Test
  void truncatedHeaderIsAFormatError() {
    byte[] image = Arrays.copyOf(oneProbe().build(), 40);

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining(
            "truncated ELF header: the file is 40 bytes, a ELF64 header needs 64");
  }

  @Test
  void truncatedFileIsAFormatError() {
    byte[] image = oneProbe().build();

    // The section headers come last, so every proper prefix loses at least part of them.
    for (int length = 0; length < image.length; length++) {
      byte[] truncated = Arrays.copyOf(image, length);
      assertThatThrownBy(() -> ElfNoteReader.readProbes(truncated))
          .as("truncated to %d of %d bytes", length, image.length)
          .isInstanceOf(ElfFormatException.class);
    }
  }

  @Test
  void errorNamesTheFileAndTheOffsetOfTheBadNote() throws Exception {
    SyntheticElf elf = oneProbe();
    byte[] image = elf.build();
    SyntheticElf.putU32(image, elf.notesOffset() + 4, 0xffffffffL);
    Path file = Files.write(dir.resolve("libbad.so"), image);

    ElfFormatException e =
        catchThrowableOfType(ElfFormatException.class, () -> ElfNoteReader.readProbes(file));

    assertThat(e.offset()).isEqualTo(elf.notesOffset());
    assertThat(e)
        .hasMessageStartingWith(file + ": note with n_namesz 0x8 and n_descsz 0xffffffff")
        .hasMessageContaining("runs past the end of section [1] .note.stapsdt")
        .hasMessageEndingWith("(at file offset 0x" + Integer.toHexString(elf.notesOffset()) + ")");
  }

  @Test
  void fileOverTheSizeLimitIsRejectedBeforeReading() throws Exception {
    Path huge = dir.resolve("huge.so");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      // Sparse: costs no disk, and the reader must refuse it from its size alone.
      file.setLength(ElfNoteReader.MAX_FILE_BYTES + 1L);
    }

    assertThatThrownBy(() -> ElfNoteReader.readProbes(huge))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageContaining("larger than the reader's limit of 512 MiB");
  }

  @Test
  void sectionHeaderTablePastTheEndIsAFormatError() {
    byte[] image = oneProbe().build();
    SyntheticElf.putU16(image, 60, 0xfffe); // e_shnum

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("section header table of 65534 entries of 64 bytes")
        .hasMessageContaining("runs past the end of the file");
  }

  @Test
  void hugeExtendedSectionCountIsAFormatError() {
    SyntheticElf elf = oneProbe().extendedNumbering();
    byte[] image = elf.build();
    SyntheticElf.putU64(image, elf.shoff() + 32, Long.MAX_VALUE); // sh_size of section 0

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("section header table of 9223372036854775807 entries");
  }

  @Test
  void sectionHeaderEntrySizeBelowTheStructureIsAFormatError() {
    byte[] image = oneProbe().build();
    SyntheticElf.putU16(image, 58, 0); // e_shentsize: 0 would put every header at one offset

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("e_shentsize is 0, smaller than a ELF64 section header (64 bytes)");
  }

  @Test
  void sectionNameIndexOutOfRangeIsAFormatError() {
    byte[] image = oneProbe().build();
    SyntheticElf.putU16(image, 62, 7); // e_shstrndx

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("e_shstrndx 7 is not below the section count 3");
  }

  @Test
  void noteSectionPastTheEndIsAFormatError() {
    SyntheticElf elf = oneProbe();
    byte[] image = elf.build();
    SyntheticElf.putU64(image, elf.noteSectionHeader() + 24, 0xffffffffffffff00L); // sh_offset

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("section [1] .note.stapsdt [0xffffffffffffff00, +0x")
        .hasMessageContaining("runs past the end of the file");
  }

  @Test
  void compressedNoteSectionIsAFormatError() {
    SyntheticElf elf = oneProbe();
    byte[] image = elf.build();
    SyntheticElf.putU64(image, elf.noteSectionHeader() + 8, 0x800); // SHF_COMPRESSED

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("section [1] .note.stapsdt is compressed");
  }

  @Test
  void noteAlignmentOtherThanFourOrEightIsAFormatError() {
    SyntheticElf elf = oneProbe();
    byte[] image = elf.build();
    SyntheticElf.putU64(image, elf.noteSectionHeader() + 48, 16); // sh_addralign

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("has alignment 0x10; notes are aligned to 4 or 8");
  }

  @Test
  void overlappingNoteSectionsLargerThanTheFileAreAFormatError() {
    SyntheticElf elf = SyntheticElf.elf64(LITTLE_ENDIAN).noteSections(3);
    for (int i = 0; i < 50; i++) {
      elf.sdt("prov", "probe" + i, 0x1000 + i, 0x2000, 0, "-8@%rax -8@%rdx");
    }

    assertThatThrownBy(() -> ElfNoteReader.readProbes(elf.build()))
        .hasMessageContaining("add up to more bytes than the file has");
  }

  @Test
  void programHeaderCountInSectionZeroWithoutSectionsIsAFormatError() {
    byte[] image = oneProbe().withoutSectionHeaders().build();
    SyntheticElf.putU16(image, 56, 0xffff); // e_phnum = PN_XNUM

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("e_phnum is PN_XNUM");
  }

  @Test
  void trailingBytesTooShortForANoteAreAFormatError() {
    SyntheticElf elf = oneProbe();
    byte[] image = elf.build();
    long size = SyntheticElf.getU64(image, elf.noteSectionHeader() + 32);
    SyntheticElf.putU64(image, elf.noteSectionHeader() + 32, size + 4);

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("truncated note: 4 bytes are left at the end of section [1]");
  }

  @Test
  void descriptorTooShortForThreeAddressesIsAFormatError() {
    byte[] image = SyntheticElf.elf64(LITTLE_ENDIAN).note("stapsdt", 3, new byte[26]).build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("stapsdt note descriptor is 26 bytes, too short");
  }

  @Test
  void unterminatedProviderIsAFormatError() {
    byte[] desc = new byte[40];
    Arrays.fill(desc, 24, 40, (byte) 'x');
    byte[] image = SyntheticElf.elf64(LITTLE_ENDIAN).note("stapsdt", 3, desc).build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("stapsdt provider is not NUL-terminated");
  }

  @Test
  void probeNameThatIsNotUtf8IsAFormatError() {
    byte[] desc = new byte[24 + 8];
    byte[] strings = "p\0\u00ff\0\0".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(strings, 0, desc, 24, strings.length);
    byte[] image = SyntheticElf.elf64(LITTLE_ENDIAN).note("stapsdt", 3, desc).build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("stapsdt probe name is not valid UTF-8");
  }

  @Test
  void argumentSizeOtherThanOneTwoFourOrEightIsAFormatError() {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("prov", "wide", 0x1000, 0x2000, 0, "8@%rdi 16@%xmm0")
            .build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining(
            "probe \"prov:wide\": SDT argument size must be 1, 2, 4 or 8 bytes," + " not \"16\"")
        .hasMessageContaining("at file offset 0x");
  }

  @Test
  void unbalancedBracketInArgumentsIsAFormatError() {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("prov", "arm", 0x1000, 0x2000, 0, "-4@[sp, 12")
            .build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining("unclosed bracket in arguments \"-4@[sp, 12\"");
  }

  @Test
  void moreProbesThanTheLimitIsAFormatError() {
    SyntheticElf elf = SyntheticElf.elf64(LITTLE_ENDIAN);
    for (int i = 0; i <= ElfNoteReader.MAX_PROBES; i++) {
      elf.sdt("p", "n", i, 0, 0, "");
    }

    assertThatThrownBy(() -> ElfNoteReader.readProbes(elf.build()))
        .hasMessageContaining("more than 65536 SDT notes, the reader's limit");
  }

  @Test
  void moreArgumentsThanTheLimitIsAFormatError() {
    String arguments = "1@a ".repeat(ElfNoteReader.MAX_ARGUMENTS / 2).strip();
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("p", "first", 0, 0, 0, arguments)
            .sdt("p", "second", 0, 0, 0, arguments + " 1@b")
            .build();

    assertThatThrownBy(() -> ElfNoteReader.readProbes(image))
        .hasMessageContaining(
            "probe \"p:second\": takes the file past the reader's limit of"
                + " 262144 arguments in all");
  }
}
