package dev.jusdt.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Libraries gcc builds from sys/sdt.h probes read the same as {@code readelf -n} prints them. */
class GccBuiltLibrariesTest {

  static final String EVERY_TYPE =
      "#include <sys/sdt.h>\n"
          + "#include <stdint.h>\n"
          + "void fire(int64_t l, int32_t i, int16_t s, int8_t b, uint16_t us, uint8_t ub,"
          + " const char *str) {\n"
          + "  DTRACE_PROBE7(jusdt, every_type, l, i, s, b, us, ub, str);\n"
          + "  DTRACE_PROBE1(jusdt, probe-boottime, l);\n"
          + "  DTRACE_PROBE2(jusdt, a-b-c, str, -1);\n"
          + "}\n";

  @TempDir Path dir;

  @BeforeEach
  void needsGccSdtAndReadelf() {
    NativeTools.assumeGccWithSdt();
    NativeTools.assumeReadelf();
  }

  @Test
  void readsEveryArgumentTypeLikeReadelf() throws Exception {
    Path so = NativeTools.compile(dir, "libtypes.so", EVERY_TYPE, "-shared", "-fPIC", "-O0");

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    SdtProbe every = probes.get(0);
    assertThat(every.provider()).isEqualTo("jusdt");
    assertThat(every.name()).isEqualTo("every_type");
    assertThat(every.arguments())
        .extracting(SdtArgument::size, SdtArgument::signed)
        .containsExactly(
            tuple(8, true),
            tuple(4, true),
            tuple(2, true),
            tuple(1, true),
            tuple(2, false),
            tuple(1, false),
            tuple(8, false));
    assertThat(every.location()).isNotZero();
    assertThat(every.base()).isNotZero();
    assertThat(every.hasSemaphore()).isFalse();
  }

  @Test
  void readsDashedProbeNamesByteForByte() throws Exception {
    Path so = NativeTools.compile(dir, "libdashes.so", EVERY_TYPE, "-shared", "-fPIC");

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    assertThat(probes).extracting(SdtProbe::name).contains("probe-boottime", "a-b-c");
  }

  @Test
  void readsZeroToTwelveArgumentsLikeReadelf() throws Exception {
    StringBuilder source =
        new StringBuilder("#include <sys/sdt.h>\n#include <stdint.h>\n")
            .append("void fire(int64_t a, int32_t b, int16_t c, int8_t d, uint16_t e,")
            .append(" uint8_t f, const char *g) {\n")
            .append("  DTRACE_PROBE(jusdt, args0);\n");
    String[] values = {"a", "b", "c", "d", "e", "f", "g", "a", "b", "c", "d", "e"};
    for (int n = 1; n <= 12; n++) {
      source.append("  DTRACE_PROBE").append(n).append("(jusdt, args").append(n);
      for (int i = 0; i < n; i++) {
        source.append(", ").append(values[i]);
      }
      source.append(");\n");
    }
    source.append("}\n");
    Path so = NativeTools.compile(dir, "libcounts.so", source.toString(), "-shared", "-fPIC");

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    assertThat(probes).hasSize(13);
    for (int n = 0; n <= 12; n++) {
      assertThat(probes.get(n).name()).isEqualTo("args" + n);
      assertThat(probes.get(n).arguments()).hasSize(n);
    }
  }

  @Test
  void readsRegisterAndConstantOperandsOfOptimisedCodeLikeReadelf() throws Exception {
    String source =
        "#include <sys/sdt.h>\n"
            + "#include <stdint.h>\n"
            + "int64_t fire(int64_t a, int32_t b, const char *s) {\n"
            + "  DTRACE_PROBE5(jusdt, optimised, a, b, s, 42, -7);\n"
            + "  return a + b;\n"
            + "}\n";
    Path so = NativeTools.compile(dir, "libopt.so", source, "-shared", "-fPIC", "-O2");

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    assertThat(probes.get(0).argumentText()).contains("%rdi", "$42", "$-7");
  }

  @Test
  void readsSemaphoreAddressLikeReadelf() throws Exception {
    String source =
        "#define _SDT_HAS_SEMAPHORES 1\n"
            + "#include <sys/sdt.h>\n"
            + "unsigned short jusdt_gated_semaphore __attribute__((section(\".probes\")));\n"
            + "void fire(long value) {\n"
            + "  if (jusdt_gated_semaphore) DTRACE_PROBE1(jusdt, gated, value);\n"
            + "}\n";
    Path so = NativeTools.compile(dir, "libsem.so", source, "-shared", "-fPIC");

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    assertThat(probes)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.hasSemaphore()).isTrue();
              assertThat(p.semaphore())
                  .isEqualTo(Readelf.probes(so).get(0).semaphore())
                  .isNotZero();
            });
  }

  @Test
  void readsRelocatableObjectWithItsUnrelocatedAddresses() throws Exception {
    Path object = NativeTools.compile(dir, "types.o", EVERY_TYPE, "-c", "-fPIC");

    List<SdtProbe> probes = ElfNoteReader.readProbes(object);

    // readelf applies the object's .rela.note.stapsdt before printing; the reader reports the
    // bytes of the note, which in an object file are the zero placeholders the linker fills in.
    assertThat(probes)
        .extracting(SdtProbe::provider, SdtProbe::name, SdtProbe::argumentText)
        .containsExactlyElementsOf(
            Readelf.probes(object).stream()
                .map(p -> tuple(p.provider(), p.name(), p.arguments()))
                .toList());
    assertThat(probes).allSatisfy(p -> assertThat(p.location()).isZero());
  }

  @Test
  void readsThirtyTwoBitLibraryLikeReadelf() throws Exception {
    String source =
        "#include <sys/sdt.h>\n"
            + "void fire(long long l, int i, short s, signed char b, unsigned short us,"
            + " unsigned char ub, const char *str) {\n"
            + "  DTRACE_PROBE7(jusdt, every_type, l, i, s, b, us, ub, str);\n"
            + "  DTRACE_PROBE(jusdt, probe-boottime);\n"
            + "}\n";
    Path so;
    try {
      // -nostdlib and sdt.h from the 64-bit include directory: the probes need neither libc
      // nor its headers, so this works without the i386 multilib packages.
      so =
          NativeTools.compile(
              dir,
              "lib32.so",
              source,
              "-m32",
              "-shared",
              "-fPIC",
              "-nostdlib",
              "-idirafter",
              "/usr/include/x86_64-linux-gnu");
    } catch (IOException e) {
      assumeTrue(false, "gcc -m32 cannot build here: apt-get install gcc-multilib\n" + e);
      return;
    }

    List<SdtProbe> probes = Readelf.assertReaderAgrees(so);

    assertThat(probes.get(0).arguments())
        .extracting(SdtArgument::size)
        .containsExactly(8, 4, 2, 1, 2, 1, 4);
    assertThat(probes.get(1).name()).isEqualTo("probe-boottime");
  }

  @Test
  void libraryWithoutProbesHasNoProbes() throws Exception {
    Path so =
        NativeTools.compile(
            dir, "libplain.so", "int answer(void) { return 42; }\n", "-shared", "-fPIC");

    assertThat(ElfNoteReader.readProbes(so)).isEmpty();
    assertThat(Readelf.probes(so)).isEmpty();
  }
}
