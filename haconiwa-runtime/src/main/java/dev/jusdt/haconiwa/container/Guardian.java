package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime's side of the guardian ({@code src/main/c/guardian.c}): a process that cleans up
 * the container's cgroups and state if the runtime dies without doing it (kill -9, a crash).
 */
final class Guardian {

  private final int pid;
  private final int fd;
  private boolean dismissed;

  private Guardian(int pid, int fd) {
    this.pid = pid;
    this.fd = fd;
  }

  static Guardian start(List<Path> cgroups, Path stateFile, Path stateDirectory) throws IOException {
    String[] dirs = new String[cgroups.size()];
    for (int i = 0; i < dirs.length; i++) {
      dirs[i] = cgroups.get(i).toString();
    }
    int[] started = Native.startGuardian(dirs, stateFile.toString(), stateDirectory.toString());
    return new Guardian(started[0], started[1]);
  }

  int pid() {
    return pid;
  }

  /** Tells the guardian the runtime cleaned up itself, and reaps it. */
  synchronized void dismiss() {
    if (dismissed) {
      return;
    }
    dismissed = true;
    try {
      Native.writeByte(fd, 'D');
    } catch (IOException e) {
      // it died already: nothing to tell it
    }
    try {
      Native.close(fd);
      Native.waitpid(pid);
    } catch (IOException e) {
      // reaped or never ours: nothing to wait for
    }
  }
}
