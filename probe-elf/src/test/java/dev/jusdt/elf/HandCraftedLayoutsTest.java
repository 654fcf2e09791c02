package dev.jusdt.elf;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layouts gcc here does not produce but real files have: big-endian and 32-bit classes, stripped
 * section headers, 8-byte note padding, extended section numbering, foreign notes.
 */
class HandCraftedLayoutsTest {

  private static final String ARGS = "-8@%r3 4@8(%r1) -1@$-1";

  @TempDir Path dir;

  @Test
  void readsBigEndianElf64() throws Exception {
    byte[] image =
        SyntheticElf.elf64(BIG_ENDIAN)
            .sdt("prov", "probe-boottime", 0x10000001234L, 0x2000, 0xfedcba9876543210L, ARGS)
            .build();

    assertThat(ElfNoteReader.readProbes(image))
        .containsExactly(
            new SdtProbe(
                "prov",
                "probe-boottime",
                0x10000001234L,
                0x2000,
                0xfedcba9876543210L,
                List.of(
                    new SdtArgument(8, true, "%r3"),
                    new SdtArgument(4, false, "8(%r1)"),
                    new SdtArgument(1, true, "$-1"))));
  }

  @Test
  void readsBigEndianElf32WithFourByteAddresses() throws Exception {
    byte[] image =
        SyntheticElf.elf32(BIG_ENDIAN).sdt("prov", "p", 0xfffffff0L, 0x2000, 0x3000, ARGS).build();

    SdtProbe probe = ElfNoteReader.readProbes(image).get(0);

    // Zero-extended: a 32-bit address is never a negative long.
    assertThat(probe.location()).isEqualTo(0xfffffff0L);
    assertThat(probe.semaphore()).isEqualTo(0x3000);
    assertThat(probe.argumentText()).isEqualTo(ARGS);
  }

  @Test
  void readsLittleEndianElf32() throws Exception {
    byte[] image =
        SyntheticElf.elf32(LITTLE_ENDIAN).sdt("prov", "p", 0x1234, 0x2000, 0, "4@%eax").build();

    assertThat(ElfNoteReader.readProbes(image))
        .containsExactly(
            new SdtProbe(
                "prov", "p", 0x1234, 0x2000, 0, List.of(new SdtArgument(4, false, "%eax"))));
  }

  @Test
  void fallsBackToProgramHeaderNotesWithoutSectionHeaders() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .note("GNU", 3, new byte[20])
            .sdt("prov", "stripped", 0x1000, 0x2000, 0, "8@%rdi")
            .withoutSectionHeaders()
            .build();

    assertThat(ElfNoteReader.readProbes(image))
        .extracting(SdtProbe::name)
        .containsExactly("stripped");
  }

  @Test
  void sectionHeadersWinOverProgramHeaders() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("prov", "elsewhere", 0x1000, 0x2000, 0, "")
            .noteSectionName(".note.not-stapsdt")
            .build();

    // The PT_NOTE segment covers the note, but a file with section headers is read through
    // them alone, as the .note.stapsdt section is not part of any segment in linked files.
    assertThat(ElfNoteReader.readProbes(image)).isEmpty();
  }

  @Test
  void fileWithoutSdtNotesHasNoProbes() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .note("GNU", 3, new byte[20])
            .noteSectionName(".note.gnu.build-id")
            .build();

    assertThat(ElfNoteReader.readProbes(image)).isEmpty();
  }

  @Test
  void fileWithNeitherSectionNorProgramHeadersHasNoProbes() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("prov", "unreachable", 0x1000, 0x2000, 0, "")
            .withoutSectionHeaders()
            .withoutProgramHeaders()
            .build();

    assertThat(ElfNoteReader.readProbes(image)).isEmpty();
  }

  @Test
  void skipsNotesOfOtherOwnersAndTypes() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .note("GNU", 3, new byte[20])
            .note("stapsdt", 1, new byte[30])
            .note("stapsdtx", 3, new byte[30])
            .note("stapsd", 3, new byte[30])
            .sdt("prov", "wanted", 0x1000, 0x2000, 0, "")
            .build();

    assertThat(ElfNoteReader.readProbes(image))
        .extracting(SdtProbe::name)
        .containsExactly("wanted");
  }

  @Test
  void honoursEightByteNoteAlignment() throws Exception {
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .noteAlign(8)
            .sdt("prov", "first", 0x1000, 0x2000, 0, "8@%rdi")
            .sdt("provider", "second", 0x1010, 0x2000, 0, "-4@%esi")
            .build();

    assertThat(ElfNoteReader.readProbes(image))
        .extracting(SdtProbe::name)
        .containsExactly("first", "second");
  }

  @Test
  void readsExtendedSectionNumbering() throws Exception {
    byte[] image =
        SyntheticElf.elf64(BIG_ENDIAN)
            .sdt("prov", "many-sections", 0x1000, 0x2000, 0, "")
            .extendedNumbering()
            .build();

    assertThat(ElfNoteReader.readProbes(image))
        .extracting(SdtProbe::name)
        .containsExactly("many-sections");
  }

  @Test
  void readsAarch64OperandsWithBlanksInsideBrackets() throws Exception {
    String arguments = "-4@[sp, 12] 8@x0 -8@[x29, -16] 1@[x1]";
    byte[] image =
        SyntheticElf.elf64(LITTLE_ENDIAN).sdt("prov", "arm", 0x1000, 0x2000, 0, arguments).build();

    SdtProbe probe = ElfNoteReader.readProbes(image).get(0);

    assertThat(probe.arguments())
        .extracting(SdtArgument::operand)
        .containsExactly("[sp, 12]", "x0", "[x29, -16]", "[x1]");
    assertThat(probe.argumentText()).isEqualTo(arguments);
  }

  @Test
  void handCraftedLayoutsReadLikeReadelf() throws Exception {
    NativeTools.assumeReadelf();
    List<SyntheticElf> layouts =
        List.of(
            SyntheticElf.elf64(BIG_ENDIAN),
            SyntheticElf.elf32(BIG_ENDIAN),
            SyntheticElf.elf32(LITTLE_ENDIAN),
            SyntheticElf.elf64(LITTLE_ENDIAN).withoutSectionHeaders(),
            SyntheticElf.elf64(LITTLE_ENDIAN).noteAlign(8),
            SyntheticElf.elf64(LITTLE_ENDIAN).extendedNumbering());
    int n = 0;
    for (SyntheticElf layout : layouts) {
      byte[] image =
          layout
              .sdt("prov", "probe-boottime", 0x1234, 0x2000, 0x4000, ARGS)
              .sdt("prov", "none", 0x1238, 0x2000, 0, "")
              .build();
      Path file = Files.write(dir.resolve("layout" + n++ + ".so"), image);

      assertThat(Readelf.assertReaderAgrees(file)).hasSize(2);
    }
  }
}
