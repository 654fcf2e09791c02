package dev.jusdt.haconiwa.trace;

import java.util.Locale;

/** Which probe fired; {@link #UNKNOWN} when a trace format does not say (bcc's output). */
enum Probe {
  BOOTTIME,
  CONTAINERGEN,
  MISC,
  UNKNOWN;

  /** The name used in recordings: {@code boottime}, {@code containergen}, {@code misc}, {@code phase}. */
  String recordName() {
    return this == UNKNOWN ? "phase" : name().toLowerCase(Locale.ROOT);
  }

  static Probe fromRecordName(String name) {
    for (Probe probe : values()) {
      if (probe.recordName().equals(name)) {
        return probe;
      }
    }
    return null;
  }
}
