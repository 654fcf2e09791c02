package dev.jusdt.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the descriptor of one {@code NT_STAPSDT} note: three addresses (location, base,
 * semaphore) of the file's word size, then the provider, the name and the argument string, each
 * NUL-terminated.
 */
final class StapsdtDescriptor {

  private StapsdtDescriptor() {}

  /**
   * The probe one note describes.
   *
   * @param noteAt where the note starts, for messages
   * @param argumentsLeft how many more arguments the reader accepts in this file; a limit that
   *     keeps a small hostile file from costing gigabytes of heap
   */
  static SdtProbe decode(ElfImage image, long noteAt, long descAt, long descSize, int argumentsLeft)
      throws ElfFormatException {
    int word = image.elfClass().wordSize();
    long end = descAt + descSize;
    if (descSize < 3L * word + 3) {
      throw new ElfFormatException(
          "stapsdt note descriptor is "
              + descSize
              + " bytes, too short for three "
              + word
              + "-byte addresses and three strings",
          noteAt);
    }
    long location = image.word(descAt, "stapsdt location");
    long base = image.word(descAt + word, "stapsdt base");
    long semaphore = image.word(descAt + 2L * word, "stapsdt semaphore");

    long providerAt = descAt + 3L * word;
    long providerEnd = image.nul(providerAt, end, "stapsdt provider");
    long nameEnd = image.nul(providerEnd + 1, end, "stapsdt probe name");
    long argumentsAt = nameEnd + 1;
    long argumentsEnd = image.nul(argumentsAt, end, "stapsdt argument string");
    String provider = image.utf8(providerAt, providerEnd, "stapsdt provider");
    String name = image.utf8(providerEnd + 1, nameEnd, "stapsdt probe name");
    String text = image.utf8(argumentsAt, argumentsEnd, "stapsdt argument string");
    String probe = ArgumentText.quote(provider + ":" + name);

    List<SdtArgument> arguments = new ArrayList<>();
    try {
      List<String> tokens = ArgumentText.split(text, argumentsLeft);
      if (tokens.size() > argumentsLeft) {
        throw new ElfFormatException(
            "takes the file past the reader's limit of "
                + ElfNoteReader.MAX_ARGUMENTS
                + " arguments in all");
      }
      for (String token : tokens) {
        arguments.add(SdtArgument.parse(token));
      }
    } catch (ElfFormatException e) {
      throw new ElfFormatException("probe " + probe + ": " + e.getMessage(), argumentsAt);
    }
    return new SdtProbe(provider, name, location, base, semaphore, arguments);
  }
}
