package dev.jusdt.plugin.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.plugin.testing.DemoProject;
import dev.jusdt.plugin.testing.Manifests;
import dev.jusdt.plugin.testing.NativeToolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeListerTest {

  @TempDir Path dir;
  private Path manifests;
  private Path natives;
  private Path library;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void directories() {
    manifests = dir.resolve("classes/META-INF/jusdt");
    natives = dir.resolve("classes/META-INF/native");
    library = natives.resolve("linux-x86_64/libdemo.so");
  }

  private void list(String osName) throws Exception {
    new ProbeLister(new ListSettings(manifests, natives, osName, "amd64"), lines::add).execute();
  }

  @Test
  void listsABuiltLibraryFromItsNotesWithTheManifestsNames() throws Exception {
    NativeToolchain.buildLibrary(library.getParent(), "demo",
        DemoProject.SOURCE.replace("#include \"demo_probes.h\"",
            "#include <stdint.h>\ntypedef int64_t jlong; typedef int32_t jint;")
            + "unsigned short other_x_semaphore __attribute__((section(\".probes\")));\n"
            + "void other(void) { if (other_x_semaphore) DTRACE_PROBE(other, x); }\n");
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    list("Linux");

    String text = String.join("\n", lines);
    assertThat(lines.get(0)).isEqualTo("libdemo.so  " + library);
    assertThat(text)
        .containsPattern("\n  demo:tick\n    arguments   -8@%[a-z0-9]+ count\n"
            + "    semaphore   0x[0-9a-f]+ \\(slot 0\\)\n    locations   1: 0x[0-9a-f]+\n"
            + "    declared at dev.demo.Clock#tick\n")
        .containsPattern("\n    arguments   -4@%[a-z0-9]+ count, 8@%[a-z0-9]+ label\n")
        .contains("    tools       bpftrace, bcc (tplist/trace/USDT()), gdb (info probes),"
            + " SystemTap, perf\n")
        .contains("    bpftrace -e 'usdt:" + library + ":demo:tock { printf(\"%d %s\\n\", arg0,"
            + " str(arg1)); }'\n")
        .contains("    perf probe -x '" + library + "' sdt_demo:tock"
            + " && perf record -e sdt_demo:tock -p PID\n")
        .contains("\n  other:x  (not in the manifest)\n    arguments   none\n");
  }

  @Test
  void listsFromTheManifestWhenTheLibraryIsNotBuiltYet() throws Exception {
    Manifests.write(manifests, "demo", DemoProject.MANIFEST
        .replace("'name': 'tick'", "'name': 'tick-tick'"));

    list("Linux");

    assertThat(lines.get(0)).isEqualTo("libdemo.so  not built yet: " + library
        + " does not exist (mvn process-classes builds it); listing the manifest only");
    assertThat(lines).contains(
        "  demo:tick-tick",
        "    arguments   (long) = -8  count",
        "    semaphore   slot 0",
        "    declared at dev.demo.Clock#tick",
        "    tools       bpftrace, bcc (tplist/trace/USDT()), gdb (info probes), SystemTap;"
            + " not perf: perf 6.1 refuses SDT names that are not C identifiers"
            + " (\"tick-tick is bad for event name\")",
        "    bpftrace -e 'usdt:" + library + ":demo:tick-tick { printf(\"%ld\\n\", arg0); }'");
  }

  @Test
  void phaseConstantsAreListedWithTheirValues() throws Exception {
    Manifests.write(manifests, "demo", DemoProject.MANIFEST.replace("'phases': []",
        "'phases': [{'constant': 'BOOT', 'value': 0}, {'constant': 'READY', 'value': 1}]"));

    list("Linux");

    assertThat(lines).contains("    phases      BOOT=0, READY=1");
  }

  @Test
  void anUnsupportedHostListsTheManifestWithoutCommands() throws Exception {
    Manifests.write(manifests, "demo", DemoProject.MANIFEST);

    list("Mac OS X");

    assertThat(lines.get(0)).startsWith("libdemo.so  cannot be built on this host:")
        .contains("-Dusdt.skip=true");
    assertThat(lines).contains("  demo:tick").noneMatch(line -> line.contains("bpftrace -e"));
  }

  @Test
  void noManifestMeansNothingToList() throws Exception {
    list("Linux");

    assertThat(lines).containsExactly("No probe manifest in " + manifests + "; nothing to list");
  }
}
