/**
 * Reads SystemTap SDT probe notes ({@code .note.stapsdt}) out of ELF files in pure Java, so the
 * build and the CLI can check and list a library's probes without binutils. {@link
 * dev.jusdt.elf.ElfNoteReader} is the entry point; it reports the same values as {@code readelf -n}
 * and treats every file as hostile: anything malformed is an {@link
 * dev.jusdt.elf.ElfFormatException}, never a runtime exception, a giant allocation or a hang.
 */
package dev.jusdt.elf;
