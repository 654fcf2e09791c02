package dev.jusdt.haconiwa.trace;

/** Which part of a container boot a phase belongs to. */
enum Side {
  /** The runtime process: phases 0 to 6, 31 and 32, fired by {@code probe-boottime}. */
  RUNTIME("runtime"),
  /** The container process between fork and execve: phases 11 to 21 ({@code probe-containergen}). */
  CHILD("child"),
  /** A user hook of the container file ({@code probe-misc}, phases 123 to 127). */
  HOOK("hook");

  private final String label;

  Side(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
