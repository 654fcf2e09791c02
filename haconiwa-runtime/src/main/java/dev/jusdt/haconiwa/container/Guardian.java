package dev.jusdt.haconiwa.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime's side of the guardian ({@code src/main/c/guardian.c}): a process that cleans up
 * the container's cgroups and state if the runtime dies without doing it (kill -9, a crash). It
 * shares this process's memory, running on a stack of its own.
 */
final class Guardian {

  private final int pid;
  private final int fd;
  private final long area;
  private final long areaSize;
  private boolean dismissed;

  private Guardian(int pid, int fd, long area, long areaSize) {
    this.pid = pid;
    this.fd = fd;
    this.area = area;
    this.areaSize = areaSize;
  }

  static Guardian start(List<Path> cgroups, Path stateFile, Path stateDirectory) throws IOException {
    String[] dirs = new String[cgroups.size()];
    for (int i = 0; i < dirs.length; i++) {
      dirs[i] = cgroups.get(i).toString();
    }
    long[] started = Native.startGuardian(dirs, stateFile.toString(), stateDirectory.toString());
    return new Guardian((int) started[0], (int) started[1], started[2], started[3]);
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
      // It shared this process's memory: its stack goes once it has surely ended.
      Native.releaseGuardian(area, areaSize);
    } catch (IOException e) {
      // reaped or never ours: nothing to wait for (and its stack is left mapped)
    }
  }
}
