package dev.jusdt.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the SystemTap SDT probes of an ELF file (an executable, a shared library or an object file)
 * from its {@code .note.stapsdt} notes, with the values {@code readelf -n} prints.
 *
 * <p>Every input is treated as hostile: a truncated, corrupted or crafted file ends in an {@link
 * ElfFormatException} naming the problem and its offset, never in a runtime exception, an
 * allocation sized by the file's claims, or a loop that does not end. Work and memory stay
 * proportional to the file, which is capped at 512 MiB.
 *
 * <p>Both byte orders and both ELF classes are read; the note's addresses are 4 bytes wide in
 * 32-bit files and 8 in 64-bit ones.
 */
public final class ElfNoteReader {

  /** The largest file {@link #readProbes(Path)} reads: 512 MiB, far above any real library. */
  static final int MAX_FILE_BYTES = 512 << 20;

  /** The most probes one file may have; qemu, among the largest users, has a few thousand. */
  static final int MAX_PROBES = 1 << 16;

  /** The most arguments all probes of one file may have together (sys/sdt.h allows 12 each). */
  static final int MAX_ARGUMENTS = 1 << 18;

  private ElfNoteReader() {}

  /**
   * Reads every {@code NT_STAPSDT} (type 3, owner {@code stapsdt}) note of the ELF file at {@code
   * file}.
   *
   * @param file an ELF file of at most 512 MiB
   * @return the probes in file order; empty if the file has no SDT notes
   * @throws ElfFormatException if the file is not ELF, is malformed or is too large; the message
   *     starts with the path
   * @throws IOException if the file cannot be read
   */
  public static List<SdtProbe> readProbes(Path file) throws ElfFormatException, IOException {
    byte[] image;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      if (size > MAX_FILE_BYTES) {
        throw new ElfFormatException(
                "file is " + size + " bytes, larger than the reader's limit of 512 MiB")
            .inFile(file);
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // A file that shrinks meanwhile ends the loop at end of file; one that grows is read as
        // it was when its size was taken.
      }
      image =
          buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
    }
    try {
      return readProbes(image);
    } catch (ElfFormatException e) {
      throw e.inFile(file);
    }
  }

  /**
   * Reads every {@code NT_STAPSDT} (type 3, owner {@code stapsdt}) note of an ELF image in memory.
   *
   * <p>Notes are found through the {@code SHT_NOTE} sections named {@code .note.stapsdt}; only a
   * file without section headers is searched through its {@code PT_NOTE} program headers instead.
   * Notes of other owners and types are skipped.
   *
   * @param elfImage the bytes of an ELF file; not modified
   * @return the probes in file order; empty if the file has no SDT notes
   * @throws ElfFormatException if the image is not ELF or is malformed
   */
  public static List<SdtProbe> readProbes(byte[] elfImage) throws ElfFormatException {
    ElfImage image = ElfImage.of(elfImage);
    ElfHeader header = ElfHeader.read(image);
    List<NoteRegion> regions =
        header.hasSectionHeaders()
            ? SectionHeaders.stapsdtNotes(image, header)
            : ProgramHeaders.notes(image, header);
    requireDisjointEnough(image, regions);

    ProbeCollector collector = new ProbeCollector(image);
    for (NoteRegion region : regions) {
      Notes.forEachSdtNote(image, region, collector);
    }
    return List.copyOf(collector.probes());
  }

  /**
   * Real note sections and segments never overlap, so their sizes add up to at most the file's; a
   * crafted file whose thousands of headers all name the same huge region would otherwise make the
   * walk quadratic.
   */
  private static void requireDisjointEnough(ElfImage image, List<NoteRegion> regions)
      throws ElfFormatException {
    long total = 0;
    for (NoteRegion region : regions) {
      total += region.size();
      if (total > image.size()) {
        throw new ElfFormatException(
            "note sections or segments add up to more bytes than the file has ("
                + image.size()
                + "), so they overlap; "
                + region.what()
                + " is one of them",
            region.offset());
      }
    }
  }
}
