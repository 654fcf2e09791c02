package org.example.tracing;

/**
 * Fires one known sequence of every typed probe and phase probe, which the tests expect exactly:
 * argsN(a1..aN) with ak = (k odd ? -1 : 1) * (100 * N + k), the extremes of every integral type,
 * and strings ASCII, multi-byte, empty, null and longer than the tracers' limits.
 */
final class Sequence {

  /** 100 and 300 bytes: longer than bpftrace's 63 and the bcc script's 255. */
  static final String LONG_100 = "0123456789".repeat(10);

  static final String LONG_300 = "abcdefghij".repeat(30);

  private Sequence() {}

  static void run() throws InterruptedException {
    UsdtArgProbes probes = UsdtArgProbes.INSTANCE;
    Await.tracer(
        "every probe",
        () ->
            probes.isArgs0Enabled() && probes.isArgs1Enabled() && probes.isArgs2Enabled()
                && probes.isArgs3Enabled() && probes.isArgs4Enabled() && probes.isArgs5Enabled()
                && probes.isArgs6Enabled() && probes.isArgs7Enabled() && probes.isArgs8Enabled()
                && probes.isArgs9Enabled() && probes.isArgs10Enabled()
                && probes.isArgs11Enabled() && probes.isArgs12Enabled()
                && probes.isTypesEnabled() && probes.isTextEnabled()
                && FixtureProbes.isBootEnabled() && FixtureProbes.isStepEnabled()
                && FixtureProbes.isNoteEnabled());
    probes.args1(Long.MIN_VALUE);
    probes.args1(Long.MAX_VALUE);
    probes.args1(-1L);
    probes.args1(0L);
    probes.args0();
    probes.args1(-101L);
    probes.args2(-201L, 202L);
    probes.args3(-301L, 302L, -303L);
    probes.args4(-401L, 402L, -403L, 404L);
    probes.args5(-501L, 502L, -503L, 504L, -505L);
    probes.args6(-601L, 602L, -603L, 604L, -605L, 606L);
    probes.args7(-701L, 702L, -703L, 704L, -705L, 706L, -707L);
    probes.args8(-801L, 802L, -803L, 804L, -805L, 806L, -807L, 808L);
    probes.args9(-901L, 902L, -903L, 904L, -905L, 906L, -907L, 908L, -909L);
    probes.args10(-1001L, 1002L, -1003L, 1004L, -1005L, 1006L, -1007L, 1008L, -1009L, 1010L);
    probes.args11(-1101L, 1102L, -1103L, 1104L, -1105L, 1106L, -1107L, 1108L, -1109L, 1110L, -1111L);
    probes.args12(-1201L, 1202L, -1203L, 1204L, -1205L, 1206L, -1207L, 1208L, -1209L, 1210L, -1211L, 1212L);
    probes.types(Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE, Character.MAX_VALUE, true);
    probes.types(Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE, (char) 0, false);
    probes.types(-1, (short) -1, (byte) -1, '\u00e9', true);
    probes.text(1, "hello, tracer");
    probes.text(2, "\u00fc\u20ac\ud83d\ude00 \u65e5\u672c\u8a9e");
    probes.text(3, "");
    probes.text(4, null);
    probes.text(5, LONG_100);
    probes.text(6, LONG_300);
    FixtureProbes.boot(Phases.PHASE_INIT);
    FixtureProbes.step(Phases.STEP_BEGIN);
    FixtureProbes.boot(Phases.PHASE_CONFIGURED);
    FixtureProbes.note(Phases.NOTE_COUNT, -7L);
    FixtureProbes.note(Phases.NOTE_TEXT, "seven");
    FixtureProbes.step(Phases.STEP_END);
    FixtureProbes.boot(Phases.PHASE_SERVING);
    System.out.println("fired the sequence");
  }
}
