package dev.jusdt.plugin.compile;

import java.util.List;

/**
 * Where a C source of a probe library comes from, which decides the flags it is compiled with.
 * Both use {@code -fPIC} for a JNI library and {@code -g0}, since tracers need only the note.
 */
enum SourceOrigin {

  /**
   * Written by the annotation processor: JNI functions that each make one call or none and hold
   * one probe site. At {@code -O1} gcc emits the same instructions for them as at {@code -O2},
   * and so the same argument operands in the note, less the padding that aligns each function,
   * in a fifth less time: 0.5 s of gcc's CPU at 1,000 probes. {@code -O2}'s identical code
   * folding is off at {@code -O1}; it compared every pair of these look-alike functions, which
   * never fold since each holds its own probe's note.
   */
  GENERATED(List.of("-std=gnu11", "-O1", "-fPIC", "-Wall", "-Wextra", "-g0")),

  /** The project's own C, which may hold loops worth {@code -O2}. */
  HAND_WRITTEN(List.of("-std=gnu11", "-O2", "-fPIC", "-Wall", "-Wextra", "-g0"));

  private final List<String> flags;

  SourceOrigin(List<String> flags) {
    this.flags = flags;
  }

  /** The flags that come first on the command line, before include directories. */
  List<String> flags() {
    return flags;
  }
}
