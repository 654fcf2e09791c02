package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random bytes behind a valid ELF identification, the input furthest from anything a linker writes,
 * are read or rejected with an ElfFormatException like any other.
 */
class RandomImagesPropertyTest {

  @Property(tries = 20_000, seed = "20240611")
  void randomBytesBehindAnElfIdentificationAreReadOrRejected(
      @ForAll @IntRange(min = 1, max = 2) int elfClass,
      @ForAll @IntRange(min = 1, max = 2) int byteOrder,
      @ForAll @Size(max = 512) byte[] rest) {
    byte[] image = new byte[16 + rest.length];
    image[0] = 0x7f;
    image[1] = 'E';
    image[2] = 'L';
    image[3] = 'F';
    image[4] = (byte) elfClass;
    image[5] = (byte) byteOrder;
    image[6] = 1;
    System.arraycopy(rest, 0, image, 16, rest.length);
    try {
      assertThat(ElfNoteReader.readProbes(image)).isNotNull();
    } catch (ElfFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
