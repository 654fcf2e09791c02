package dev.jusdt.elf;

import java.nio.charset.StandardCharsets;

/**
 * Walks the notes of one note section or segment and hands each SystemTap SDT note (owner {@code
 * stapsdt}, type {@code NT_STAPSDT}) to a handler; other notes are stepped over unread.
 */
final class Notes {

  /** {@code NT_STAPSDT}: version 3 of the SDT note, the one sys/sdt.h has written since 2010. */
  static final long NT_STAPSDT = 3;

  private static final int NOTE_HEADER_SIZE = 12;
  private static final byte[] STAPSDT_OWNER = "stapsdt\0".getBytes(StandardCharsets.US_ASCII);

  /** Receives the place of one SDT note's descriptor. */
  @FunctionalInterface
  interface Handler {
    void sdtNote(long noteAt, long descAt, long descSize) throws ElfFormatException;
  }

  private Notes() {}

  static void forEachSdtNote(ElfImage image, NoteRegion region, Handler handler)
      throws ElfFormatException {
    long start = region.offset();
    long end = region.end();
    long at = start;
    // Every note is at least 12 bytes, so the loop ends after size / 12 rounds at most.
    while (at < end) {
      if (end - at < NOTE_HEADER_SIZE) {
        throw new ElfFormatException(
            "truncated note: "
                + (end - at)
                + " bytes are left at the end of "
                + region.what()
                + ", a note header needs 12",
            at);
      }
      long nameSize = image.u32(at, "n_namesz");
      long descSize = image.u32(at + 4, "n_descsz");
      long type = image.u32(at + 8, "n_type");
      long nameAt = at + NOTE_HEADER_SIZE;
      // Padding counts from the start of the region, which is where the producer counted from;
      // all values are below 2^34 here, so the sums cannot overflow.
      long descAt = start + alignUp(nameAt - start + nameSize, region.align());
      if (descAt > end || descSize > end - descAt) {
        throw new ElfFormatException(
            "note with n_namesz 0x"
                + Long.toHexString(nameSize)
                + " and n_descsz 0x"
                + Long.toHexString(descSize)
                + " runs past the end of "
                + region.what()
                + " at 0x"
                + Long.toHexString(end),
            at);
      }
      if (type == NT_STAPSDT
          && nameSize == STAPSDT_OWNER.length
          && image.startsWith(nameAt, nameAt + nameSize, STAPSDT_OWNER)) {
        handler.sdtNote(at, descAt, descSize);
      }
      at = start + alignUp(descAt - start + descSize, region.align());
    }
  }

  private static long alignUp(long value, int align) {
    return (value + align - 1) & -align;
  }
}
