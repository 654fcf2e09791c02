package dev.jusdt.elf;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of thousands of corrupted copies of real and hand-crafted ELF files: each one must be
 * read or rejected with an ElfFormatException, and nothing else, within the test's time limit
 * (which also catches a loop that does not end). The seed is fixed, so a failure reproduces.
 */
class MutationFuzzTest {

  private static final long SEED = 0x5d7_0e1fL;
  private static final int MUTANTS = 400_000;

  private static final byte[] BYTES = {0x00, (byte) 0xff, 0x7f, (byte) 0x80, 0x01, (byte) 0xfe};
  private static final long[] WORDS = {
    0,
    1,
    3,
    4,
    8,
    12,
    0x7f,
    0xff,
    0xffff,
    0x7fffffff,
    0x80000000L,
    0xffffffffL,
    0xfffffff0L,
    0x100000000L,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    -1,
    -12
  };

  @TempDir Path dir;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void corruptedFilesAreReadOrRejectedWithAFormatError() throws Exception {
    Map<String, byte[]> seeds = seeds();
    List<String> failures = new ArrayList<>();
    int read = 0;
    int rejected = 0;
    long start = System.nanoTime();

    int perSeed = MUTANTS / seeds.size();
    for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
      byte[] original = seed.getValue();
      List<int[]> hot = hotRanges(original);
      for (int i = 0; i < perSeed && failures.size() < 10; i++) {
        // One generator per mutant, so any single failure can be rebuilt from its number.
        SplittableRandom random = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
        StringBuilder how = new StringBuilder();
        byte[] mutant = mutate(original, hot, random, how);
        try {
          assertThat(ElfNoteReader.readProbes(mutant)).isNotNull();
          read++;
        } catch (ElfFormatException e) {
          assertThat(e.getMessage()).isNotBlank();
          rejected++;
        } catch (Throwable t) {
          failures.add(seed.getKey() + " mutant " + i + " (" + how + "): " + t);
        }
      }
    }

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "fuzz: %d mutants of %s: %d read, %d rejected, %d failed, in %d ms%n",
        perSeed * seeds.size(), seeds.keySet(), read, rejected, failures.size(), millis);
    assertThat(failures).isEmpty();
    // A fuzzer that only ever hits the magic number, or never breaks anything, tests nothing.
    assertThat(read).isGreaterThan(MUTANTS / 50);
    assertThat(rejected).isGreaterThan(MUTANTS / 50);
  }

  private Map<String, byte[]> seeds() throws Exception {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put(
        "synthetic ELF64 big-endian",
        SyntheticElf.elf64(BIG_ENDIAN)
            .sdt("prov", "probe-boottime", 0x1234, 0x2000, 0x4000, "-8@%r3 4@8(%r1)")
            .sdt("prov", "none", 0x1238, 0x2000, 0, "")
            .build());
    seeds.put(
        "synthetic ELF32 little-endian",
        SyntheticElf.elf32(LITTLE_ENDIAN)
            .sdt("prov", "arm", 0x1234, 0x2000, 0, "-4@[sp, 12] 8@x0")
            .note("GNU", 3, new byte[20])
            .build());
    seeds.put(
        "synthetic ELF64 without section headers",
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .noteAlign(8)
            .sdt("prov", "stripped", 0x1234, 0x2000, 0, "-8@%rdi -1@$-1")
            .withoutSectionHeaders()
            .build());
    seeds.put(
        "synthetic ELF64 with extended numbering",
        SyntheticElf.elf64(LITTLE_ENDIAN)
            .sdt("prov", "many", 0x1234, 0x2000, 0, "8@%rdi")
            .extendedNumbering()
            .build());
    // gcc's files add what hand-made ones lack: many sections, real string tables, padding.
    if (NativeTools.haveGccWithSdt()) {
      String source =
          "#include <sys/sdt.h>\n"
              + "void fire(long a, int b, const char *s) {\n"
              + "  DTRACE_PROBE3(jusdt, probe-boottime, a, b, s);\n"
              + "  DTRACE_PROBE(jusdt, none);\n"
              + "}\n";
      Path so =
          NativeTools.compile(
              dir,
              "libfuzz.so",
              source,
              "-shared",
              "-fPIC",
              "-O2",
              "-nostdlib",
              "-Wl,-z,norelro",
              "-Wl,-z,noseparate-code");
      seeds.put("gcc ELF64 little-endian", Files.readAllBytes(so));
    }
    for (byte[] seed : seeds.values()) {
      assertThat(ElfNoteReader.readProbes(seed)).isNotEmpty();
    }
    return seeds;
  }

  /**
   * Where a mutation is most likely to matter: the ELF header, the header tables and the notes.
   * Mutations land there most of the time; the rest land anywhere.
   */
  private static List<int[]> hotRanges(byte[] seed) throws ElfFormatException {
    ElfImage image = ElfImage.of(seed);
    ElfHeader header = ElfHeader.read(image);
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {0, image.elfClass().headerSize()});
    if (header.hasSectionHeaders()) {
      int count = Math.max(header.shnum(), 3);
      ranges.add(new int[] {(int) header.shoff(), count * header.shentsize()});
    }
    if (header.phoff() != 0) {
      ranges.add(new int[] {(int) header.phoff(), header.phnum() * header.phentsize()});
    }
    List<NoteRegion> notes =
        header.hasSectionHeaders()
            ? SectionHeaders.stapsdtNotes(image, header)
            : ProgramHeaders.notes(image, header);
    for (NoteRegion region : notes) {
      ranges.add(new int[] {(int) region.offset(), (int) region.size()});
    }
    ranges.removeIf(r -> r[1] <= 0 || r[0] + r[1] > seed.length);
    return ranges;
  }

  private static byte[] mutate(
      byte[] original, List<int[]> hot, SplittableRandom random, StringBuilder how) {
    byte[] mutant = original.clone();
    ByteOrder order = mutant[5] == 2 ? BIG_ENDIAN : LITTLE_ENDIAN;
    ByteBuffer buffer = ByteBuffer.wrap(mutant).order(order);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int at = position(mutant.length, hot, random);
      switch (random.nextInt(6)) {
        case 0:
          int bit = random.nextInt(8);
          mutant[at] ^= (byte) (1 << bit);
          how.append("flip ").append(at).append('.').append(bit).append("; ");
          break;
        case 1:
          mutant[at] = BYTES[random.nextInt(BYTES.length)];
          how.append("byte ").append(at).append("; ");
          break;
        case 2:
          at &= ~1;
          if (at + 2 <= mutant.length) {
            buffer.putShort(at, (short) WORDS[random.nextInt(WORDS.length)]);
          }
          how.append("u16 ").append(at).append("; ");
          break;
        case 3:
          at &= ~3;
          if (at + 4 <= mutant.length) {
            buffer.putInt(at, (int) word(mutant.length, random));
          }
          how.append("u32 ").append(at).append("; ");
          break;
        case 4:
          at &= ~7;
          if (at + 8 <= mutant.length) {
            buffer.putLong(at, word(mutant.length, random));
          }
          how.append("u64 ").append(at).append("; ");
          break;
        default:
          mutant[at] = (byte) random.nextInt(256);
          how.append("random ").append(at).append("; ");
          break;
      }
    }
    if (random.nextInt(8) == 0) {
      int length =
          random.nextBoolean()
              ? random.nextInt(mutant.length)
              : position(mutant.length, hot, random);
      how.append("truncate ").append(length);
      return Arrays.copyOf(mutant, length);
    }
    return mutant;
  }

  /** An interesting value for a size or offset field: an edge, or near the file's own length. */
  private static long word(int length, SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      return length + random.nextInt(-16, 17);
    }
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static int position(int length, List<int[]> hot, SplittableRandom random) {
    if (random.nextInt(10) < 7) {
      int[] range = hot.get(random.nextInt(hot.size()));
      return range[0] + random.nextInt(range[1]);
    }
    return random.nextInt(length);
  }
}
