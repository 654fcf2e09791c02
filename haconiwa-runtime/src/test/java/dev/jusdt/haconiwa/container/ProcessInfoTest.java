package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {

  /** Field 22 of /proc/PID/stat, split the plain way. */
  private static long startTicksSplitting(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ")[19]);
  }

  @Test
  void thisProcessIsFoundWithItsStartTime() throws Exception {
    long pid = ProcessHandle.current().pid();

    ProcessInfo.Self self = ProcessInfo.self();

    assertThat(self.pid()).isEqualTo(pid);
    assertThat(self.startTicks()).isEqualTo(startTicksSplitting(pid)).isPositive();
    assertThat(ProcessInfo.startTicks(pid)).hasValue(self.startTicks());
    assertThat(ProcessInfo.isLive(pid)).isTrue();
    assertThat(ProcessInfo.isSame(pid, self.startTicks())).isTrue();
    assertThat(ProcessInfo.isSame(pid, self.startTicks() + 1)).isFalse();
  }

  @Test
  void aProcessWithSpacesAndParenthesesInItsNameIsReadPastThem() throws Exception {
    // A sleep whose name, and so the stat line's comm, is "(odd) name (x)": the fields start
    // after the last ')'.
    Path dir = Files.createTempDirectory("process-info");
    Path sleep = Files.copy(Path.of("/bin/sleep"), dir.resolve("odd) name (x"));
    Process process = new ProcessBuilder(sleep.toString(), "30").start();
    try {
      long pid = process.pid();
      assertThat(Files.readString(Path.of("/proc/" + pid + "/stat"))).contains("(odd) name (x)");
      assertThat(ProcessInfo.startTicks(pid)).hasValue(startTicksSplitting(pid));
      assertThat(ProcessInfo.isLive(pid)).isTrue();
    } finally {
      process.destroyForcibly().waitFor();
      Files.delete(sleep);
      Files.delete(dir);
    }
  }

  @Test
  void aProcessThatIsGoneIsNeitherLiveNorDated() throws Exception {
    Process process = new ProcessBuilder("/bin/true").start();
    long pid = process.pid();
    process.waitFor();

    assertThat(ProcessInfo.isLive(pid)).isFalse();
    assertThat(ProcessInfo.startTicks(0)).isEmpty();
    assertThat(ProcessInfo.isLive(-1)).isFalse();
  }
}
