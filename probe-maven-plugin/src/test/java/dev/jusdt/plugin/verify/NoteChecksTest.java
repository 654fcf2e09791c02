package dev.jusdt.plugin.verify;

import static dev.jusdt.plugin.manifest.ArgumentType.CHAR;
import static dev.jusdt.plugin.manifest.ArgumentType.INT;
import static dev.jusdt.plugin.manifest.ArgumentType.LONG;
import static dev.jusdt.plugin.manifest.ArgumentType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jusdt.elf.SdtArgument;
import dev.jusdt.elf.SdtProbe;
import dev.jusdt.plugin.manifest.ArgumentType;
import dev.jusdt.plugin.manifest.ManifestProbe;
import dev.jusdt.plugin.manifest.ProbeManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's rules on hand-made notes, so every message is pinned down exactly. */
class NoteChecksTest {

  private static final String BOOTTIME_AT = "dev.jusdt.haconiwa.Phases#PHASE_CLI_START";

  private static ManifestProbe probe(
      String name, int semaphoreIndex, String element, List<List<ArgumentType>> sites) {
    return new ManifestProbe("haconiwa", name, semaphoreIndex, List.of(), sites,
        List.of(element), List.of());
  }

  private static final ManifestProbe BOOTTIME =
      probe("probe-boottime", 0, BOOTTIME_AT, List.of(List.of(LONG, LONG, LONG)));
  private static final ManifestProbe EXEC =
      probe("exec", 1, "dev.jusdt.haconiwa.Exec#run", List.of(List.of(INT, STRING), List.of()));

  private static ProbeManifest manifest(ManifestProbe... probes) {
    return new ProbeManifest(Path.of("/m/haconiwa.json"), "haconiwa", List.of(), List.of(),
        List.of(probes));
  }

  private static SdtProbe note(String provider, String name, long location, long semaphore,
      String arguments) throws Exception {
    List<SdtArgument> parsed = new ArrayList<>();
    for (String token : arguments.split(" ")) {
      if (!token.isEmpty()) {
        parsed.add(SdtArgument.parse(token));
      }
    }
    return new SdtProbe(provider, name, location, 0x2000, semaphore, parsed);
  }

  private static SdtProbe note(String name, long location, long semaphore, String arguments)
      throws Exception {
    return note("haconiwa", name, location, semaphore, arguments);
  }

  @Test
  void aLibraryBuiltFromTheDeclarationMatches() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME, EXEC), List.of(
        note("probe-boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx"),
        // gcc may duplicate a site, e.g. when it inlines; every copy shares the semaphore.
        note("probe-boottime", 0x1180, 0x4010, "-8@%rbx -8@%r12 -8@%r13"),
        note("exec", 0x1200, 0x4012, "-4@%edi 8@%rsi"),
        note("exec", 0x1240, 0x4012, ""),
        note("libc", "setjmp", 0x9000, 0, "8@%rdi")));

    assertThat(problems).isEmpty();
  }

  @Test
  void anEntryWithOtherArgumentsNamesTheNoteAndTheDeclaration() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME),
        List.of(note("probe-boottime", 0x1100, 0x4010, "-4@%edi")));

    assertThat(problems).containsExactly(
        "haconiwa:probe-boottime (declared at dev.jusdt.haconiwa.Phases#PHASE_CLI_START):"
            + " note entry at 0x1100 has arguments \"-4@%edi\" but the declaration has"
            + " (long, long, long) = -8 -8 -8");
  }

  @Test
  void anEntryMustMatchOneOfSeveralSites() throws Exception {
    List<String> problems = NoteChecks.check(manifest(EXEC),
        List.of(note("exec", 0x1200, 0x4010, "-8@%rdi")));

    assertThat(problems).containsExactly(
        "haconiwa:exec (declared at dev.jusdt.haconiwa.Exec#run): note entry at 0x1200 has"
            + " arguments \"-8@%rdi\" but none of the declaration's sites matches:"
            + " (int, String) = -4 8 or () = no arguments");
  }

  @Test
  void signednessMatters() throws Exception {
    ManifestProbe key = probe("key", 0, "K#key", List.of(List.of(CHAR)));

    List<String> problems = NoteChecks.check(manifest(key),
        List.of(note("key", 0x1300, 0x4010, "-2@%di")));

    assertThat(problems).containsExactly(
        "haconiwa:key (declared at K#key): note entry at 0x1300 has arguments \"-2@%di\" but the"
            + " declaration has (char) = 2");
  }

  @Test
  void anEntryWithoutArgumentsSaysSo() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME),
        List.of(note("probe-boottime", 0x1100, 0x4010, "")));

    assertThat(problems).singleElement().asString()
        .contains("note entry at 0x1100 has no arguments but the declaration has (long, long,"
            + " long) = -8 -8 -8");
  }

  @Test
  void aDeclaredProbeNeedsANoteEntry() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME, EXEC),
        List.of(note("exec", 0x1200, 0x4012, "")));

    assertThat(problems).containsExactly(
        "haconiwa:probe-boottime (declared at dev.jusdt.haconiwa.Phases#PHASE_CLI_START): no"
            + " note entry in the library; it was not built from this declaration's C (run"
            + " probe:compile after the annotation processor)");
  }

  @Test
  void namesAreComparedByteForByte() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME),
        List.of(note("probe_boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("haconiwa:probe-boottime").contains("no note entry");
    assertThat(problems.get(1)).startsWith("haconiwa:probe_boottime: note entry at 0x1100");
  }

  @Test
  void everyEntryNeedsASemaphore() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME),
        List.of(note("probe-boottime", 0x1100, 0, "-8@%rdi -8@%rsi -8@%rdx")));

    assertThat(problems).containsExactly(
        "haconiwa:probe-boottime (declared at dev.jusdt.haconiwa.Phases#PHASE_CLI_START): note"
            + " entry at 0x1100 has no semaphore; the Java side fires only while a tracer raises"
            + " semaphore 0, so this probe could never fire (build the C with"
            + " _SDT_HAS_SEMAPHORES)");
  }

  @Test
  void theEntriesOfOneProbeShareOneSemaphore() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME), List.of(
        note("probe-boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx"),
        note("probe-boottime", 0x1180, 0x4012, "-8@%rdi -8@%rsi -8@%rdx")));

    assertThat(problems).containsExactly(
        "haconiwa:probe-boottime (declared at dev.jusdt.haconiwa.Phases#PHASE_CLI_START): note"
            + " entries disagree on the semaphore: 0x4010 (entry at 0x1100), 0x4012 (entry at"
            + " 0x1180); a tracer would enable only some of the probe's sites");
  }

  @Test
  void differentProbesHaveDifferentSemaphores() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME, EXEC), List.of(
        note("probe-boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx"),
        note("exec", 0x1200, 0x4010, "")));

    assertThat(problems).containsExactly(
        "haconiwa:probe-boottime and haconiwa:exec share the semaphore at 0x4010; attaching a"
            + " tracer to one would make the others fire too");
  }

  @Test
  void aSemaphoreOutsideItsSlotIsBlamedOnThatProbeAlone() throws Exception {
    ManifestProbe third = probe("third", 2, "T#third", List.of(List.of()));

    List<String> problems = NoteChecks.check(manifest(BOOTTIME, EXEC, third), List.of(
        note("probe-boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx"),
        note("exec", 0x1200, 0x4012, ""),
        note("third", 0x1300, 0x4020, "")));

    assertThat(problems).containsExactly(
        "haconiwa:third (declared at T#third): semaphore at 0x4020, but semaphoreIndex 2 is the"
            + " slot at 0x4014 of the semaphore array at 0x4010; the Java side would read"
            + " another probe's semaphore");
  }

  @Test
  void anUndeclaredNameUnderADeclaredProviderIsAnError() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME), List.of(
        note("probe-boottime", 0x1100, 0x4010, "-8@%rdi -8@%rsi -8@%rdx"),
        note("stray", 0x1400, 0x4020, ""),
        note("stray", 0x1480, 0x4020, ""),
        note("other", "stray", 0x1500, 0, "")));

    assertThat(problems).containsExactly(
        "haconiwa:stray: note entries at 0x1400, 0x1480 under provider haconiwa is not declared"
            + " in the manifest; declare it with @UsdtProbe or remove it from the hand-written C");
  }

  @Test
  void everyMismatchIsReportedAtOnce() throws Exception {
    List<String> problems = NoteChecks.check(manifest(BOOTTIME, EXEC), List.of(
        note("probe-boottime", 0x1100, 0, "-4@%edi"),
        note("stray", 0x1400, 0x4020, "")));

    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("has arguments \"-4@%edi\"");
    assertThat(problems.get(1)).contains("has no semaphore");
    assertThat(problems.get(2)).contains("haconiwa:exec").contains("no note entry");
    assertThat(problems.get(3)).startsWith("haconiwa:stray:");
  }
}
