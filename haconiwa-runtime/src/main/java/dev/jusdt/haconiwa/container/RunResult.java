package dev.jusdt.haconiwa.container;

import java.util.List;

/**
 * How a container ended.
 *
 * @param exitCode the command's exit status, or 128 + the signal that killed it
 * @param notes what the runtime saw that the status does not say: the signal, an out-of-memory
 *     kill, a pids limit that made forks fail
 */
public record RunResult(int exitCode, List<String> notes) {

  /**
   * Copies the notes.
   *
   * @param exitCode see the record's exitCode
   * @param notes see the record's notes
   */
  public RunResult {
    notes = List.copyOf(notes);
  }
}
