package dev.jusdt.plugin.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jusdt.plugin.testing.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  /** The example of docs/MANIFEST.md. */
  static final String HACONIWA =
      """
      {
        'format': 1,
        'library': 'haconiwa',
        'sources': ['jusdt/haconiwa/haconiwa_probes.c'],
        'headers': ['jusdt/haconiwa/haconiwa_probes.h'],
        'probes': [
          {
            'provider': 'haconiwa',
            'name': 'probe-boottime',
            'semaphoreIndex': 0,
            'argumentNames': ['phase', 'tv_sec', 'tv_nsec'],
            'sites': [['long', 'long', 'long']],
            'elements': ['dev.jusdt.haconiwa.Phases#PHASE_CLI_START'],
            'phases': [{'constant': 'PHASE_CLI_START', 'value': 0}]
          }
        ]
      }
      """;

  @TempDir Path dir;

  @Test
  void readsTheDocumentedExample() throws Exception {
    Path file = Manifests.write(dir, "haconiwa", HACONIWA);

    ProbeManifest manifest = ManifestReader.read(file);

    assertThat(manifest.file()).isEqualTo(file);
    assertThat(manifest.library()).isEqualTo("haconiwa");
    assertThat(manifest.libraryFileName()).isEqualTo("libhaconiwa.so");
    assertThat(manifest.sources()).containsExactly("jusdt/haconiwa/haconiwa_probes.c");
    assertThat(manifest.headers()).containsExactly("jusdt/haconiwa/haconiwa_probes.h");
    assertThat(manifest.providers()).containsExactly("haconiwa");
    ManifestProbe probe = manifest.probes().get(0);
    assertThat(probe.qualifiedName()).isEqualTo("haconiwa:probe-boottime");
    assertThat(probe.semaphoreIndex()).isZero();
    assertThat(probe.argumentNames()).containsExactly("phase", "tv_sec", "tv_nsec");
    assertThat(probe.sites())
        .containsExactly(List.of(ArgumentType.LONG, ArgumentType.LONG, ArgumentType.LONG));
    assertThat(probe.declaredAt()).isEqualTo("dev.jusdt.haconiwa.Phases#PHASE_CLI_START");
    assertThat(probe.phases()).containsExactly(new PhaseConstant("PHASE_CLI_START", 0));
  }

  @Test
  void describesASiteWithItsNotePrefixes() {
    assertThat(ManifestProbe.describeSite(
            List.of(ArgumentType.LONG, ArgumentType.CHAR, ArgumentType.STRING)))
        .isEqualTo("(long, char, String) = -8 2 8");
    assertThat(ManifestProbe.describeSite(List.of())).isEqualTo("() = no arguments");
  }

  @Test
  void ignoresFieldsItDoesNotUseSuchAsTheTraceScripts() throws Exception {
    Path file = Manifests.write(dir, "haconiwa", HACONIWA.replace(
        "'headers': ['jusdt/haconiwa/haconiwa_probes.h'],",
        "'headers': ['jusdt/haconiwa/haconiwa_probes.h'],"
            + " 'scripts': ['META-INF/jusdt/haconiwa/haconiwa.bt'], 'future': {'x': [1]},"));
    assertThat(Files.readString(file)).contains("scripts", "future");

    ProbeManifest manifest = ManifestReader.read(file);

    assertThat(manifest.library()).isEqualTo("haconiwa");
    assertThat(manifest.probes()).hasSize(1);
  }

  @Test
  void absentListsAreEmpty() throws Exception {
    Path file = Manifests.write(dir, "bare", "{'format': 1, 'library': 'bare',"
        + " 'probes': [{'provider': 'p', 'name': 'n', 'semaphoreIndex': 0}]}");

    ProbeManifest manifest = ManifestReader.read(file);

    assertThat(manifest.sources()).isEmpty();
    assertThat(manifest.headers()).isEmpty();
    ManifestProbe probe = manifest.probes().get(0);
    assertThat(probe.sites()).isEmpty();
    assertThat(probe.argumentNames()).isEmpty();
    assertThat(probe.elements()).isEmpty();
    assertThat(probe.declaredAt()).isEqualTo("an unknown element");
  }

  @Test
  void rejectsAnotherFormatNamingTheFile() throws Exception {
    Path file = Manifests.write(dir, "future", HACONIWA.replace("'format': 1", "'format': 2"));

    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("has format 2, but this plugin reads only format 1");
  }

  @Test
  void rejectsAManifestWithoutFormat() throws Exception {
    Path file = Manifests.write(dir, "old", HACONIWA.replace("'format': 1,", ""));

    assertThatThrownBy(() -> ManifestReader.read(file))
        .hasMessage("probe manifest " + file + " has no \"format\"; this plugin reads format 1");
  }

  @Test
  void rejectsMalformedJsonNamingTheFile() throws Exception {
    Path file = Manifests.write(dir, "broken", "{'format': 1, 'library': ");

    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("probe manifest " + file + " is not valid JSON");
  }

  @Test
  void reportsEveryProblemOfAManifestAtOnce() throws Exception {
    Path file = Manifests.write(dir, "bad", """
        {'format': 1, 'library': '../evil', 'sources': ['/etc/passwd'],
         'probes': [
           {'provider': 'p', 'name': 'a', 'semaphoreIndex': 0, 'sites': [['float']]},
           {'provider': 'p', 'name': 'b', 'semaphoreIndex': 0, 'sites': [[]]},
           {'provider': 'p', 'name': 'b', 'semaphoreIndex': 1, 'sites': [[]]},
           {'provider': 'p', 'name': 'd', 'semaphoreIndex': 1},
           {'name': 'c', 'semaphoreIndex': -1}
         ]}
        """);

    assertThatThrownBy(() -> ManifestReader.read(file))
        .hasMessage("probe manifest " + file + " is invalid:\n"
            + "  \"library\" must be a file name stem such as \"haconiwa\", was \"../evil\"\n"
            + "  \"sources\" must hold relative paths inside the generated sources,"
            + " had \"/etc/passwd\"\n"
            + "  probe p:a has a site with the unknown type \"float\"; the types are long, int,"
            + " short, byte, char, boolean and String\n"
            + "  probe p:b is declared twice\n"
            + "  probe p:d has semaphoreIndex 1, which another probe already has\n"
            + "  probes[4] has no \"provider\"\n"
            + "  probes[4] needs a \"semaphoreIndex\" of 0 or more, had -1");
  }

  @Test
  void readsEveryManifestOfADirectoryInNameOrder() throws Exception {
    Manifests.write(dir, "zeta", HACONIWA.replace("'haconiwa'", "'zeta'"));
    Manifests.write(dir, "alpha", HACONIWA.replace("'haconiwa'", "'alpha'"));
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");

    List<ProbeManifest> manifests = ManifestReader.readAll(dir);

    assertThat(manifests).extracting(ProbeManifest::library).containsExactly("alpha", "zeta");
  }

  @Test
  void aMissingDirectoryHoldsNoManifests() throws Exception {
    assertThat(ManifestReader.readAll(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void everyTypeHasTheNotePrefixOfTheDocumentedTable() {
    assertThat(ArgumentType.values())
        .extracting(t -> t.manifestName() + "=" + t.noteFormat())
        .containsExactly("long=-8", "int=-4", "short=-2", "byte=-1", "char=2", "boolean=1",
            "String=8");
    assertThat(ArgumentType.forManifestName("java.lang.String")).isEmpty();
  }
}
