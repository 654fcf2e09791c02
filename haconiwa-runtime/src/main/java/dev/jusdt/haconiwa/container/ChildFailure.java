package dev.jusdt.haconiwa.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A setup step that failed in the container child, as {@code struct hcn_failure} in {@code
 * container.h} reports it: the phase, the step, what it was done to, and the errno.
 *
 * @param phase the phase the step belongs to (11 to 21)
 * @param step the system call or step, e.g. {@code execve}
 * @param detail its argument, e.g. the path
 * @param errno the error
 */
record ChildFailure(int phase, String step, String detail, int errno) {

  static final int MAGIC = 0x464e4348; // "HCNF"
  static final int SIZE = 4 + 4 + 4 + 32 + 440;

  private static final int ENOENT = 2;
  private static final int EACCES = 13;
  private static final int ENOEXEC = 8;
  private static final int EPERM = 1;

  /** The record, if the bytes hold one; empty bytes mean the child reached execve. */
  static Optional<ChildFailure> parse(byte[] bytes) {
    if (bytes.length < SIZE) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (buffer.getInt() != MAGIC) {
      return Optional.empty();
    }
    int phase = buffer.getInt();
    int errno = buffer.getInt();
    String step = text(bytes, 12, 32);
    String detail = text(bytes, 44, 440);
    return Optional.of(new ChildFailure(phase, step, detail, errno));
  }

  private static String text(byte[] bytes, int offset, int size) {
    int end = offset;
    while (end < offset + size && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** Whether the command itself could not be started, as opposed to the container's setup. */
  boolean isExec() {
    return phase == 21 && step.equals("execve");
  }

  /** 127 for a command that does not exist, 126 for one that cannot run, else 125. */
  int exitCode() {
    if (isExec() && errno == ENOENT) {
      return ExitCodes.NOT_FOUND_COMMAND;
    }
    if (isExec() && (errno == EACCES || errno == ENOEXEC || errno == EPERM)) {
      return ExitCodes.CANNOT_EXECUTE;
    }
    return ExitCodes.RUNTIME_FAILED;
  }

  /** {@code phase 21 CONTAINER_EXECING: execve /bin/nope: No such file or directory (ENOENT)}. */
  String describe() {
    String error = Native.loaded() ? Native.errorText(errno) + " (" + Native.errorName(errno) + ")" : "errno " + errno;
    String what = detail.isEmpty() ? step : step + " " + detail;
    String hint = "";
    if (isExec() && errno == ENOENT) {
      hint = "; the command is looked up in the container's root and PATH, not the host's";
    }
    return "phase " + phase + " " + PhaseNames.of(phase) + ": " + what + ": " + error + hint;
  }
}
