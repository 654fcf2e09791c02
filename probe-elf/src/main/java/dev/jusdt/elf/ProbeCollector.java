package dev.jusdt.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SDT notes into probes while holding the file to the reader's limits on probes and
 * arguments, so that memory stays proportional to what a real library needs.
 */
final class ProbeCollector implements Notes.Handler {

  private final ElfImage image;
  private final List<SdtProbe> probes = new ArrayList<>();
  private int argumentsLeft = ElfNoteReader.MAX_ARGUMENTS;

  ProbeCollector(ElfImage image) {
    this.image = image;
  }

  @Override
  public void sdtNote(long noteAt, long descAt, long descSize) throws ElfFormatException {
    if (probes.size() == ElfNoteReader.MAX_PROBES) {
      throw new ElfFormatException(
          "more than " + ElfNoteReader.MAX_PROBES + " SDT notes, the reader's limit", noteAt);
    }
    SdtProbe probe = StapsdtDescriptor.decode(image, noteAt, descAt, descSize, argumentsLeft);
    argumentsLeft -= probe.arguments().size();
    probes.add(probe);
  }

  List<SdtProbe> probes() {
    return probes;
  }
}
