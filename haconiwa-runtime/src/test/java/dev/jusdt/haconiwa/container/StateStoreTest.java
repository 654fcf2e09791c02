package dev.jusdt.haconiwa.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

  @TempDir Path dir;

  @Test
  void stateRoundTripsWithAnyTextInTheCommand() throws Exception {
    StateStore store = new StateStore(dir.resolve("run"));
    long self = ProcessHandle.current().pid();
    ContainerState state = new ContainerState("web", self, ProcessInfo.startTicks(self).orElseThrow(), 0, 0,
        Instant.parse("2025-01-02T03:04:05Z"), List.of("/bin/sh", "-c", "echo 'a = b'\n#x\\y"),
        List.of(Path.of("/sys/fs/cgroup/pids/haconiwa/web")), Path.of("/srv/web.yaml"));

    assertThat(store.claim("web")).isTrue();
    store.write(state);

    assertThat(store.find("web")).contains(state);
    assertThat(store.list()).containsExactly(state);
    assertThat(state.runtimeAlive()).isTrue();
    assertThat(state.containerAlive()).isFalse();
  }

  @Test
  void aNameIsClaimedOnce() throws Exception {
    StateStore store = new StateStore(dir);

    assertThat(store.claim("web")).isTrue();
    assertThat(store.claim("web")).isFalse();
    store.delete("web");
    assertThat(store.claim("web")).isTrue();
  }

  @Test
  void aRuntimeWhosePidWasReusedIsNotAlive() {
    long self = ProcessHandle.current().pid();
    ContainerState state = new ContainerState("web", self, ProcessInfo.startTicks(self).orElseThrow() + 1, 0, 0,
        Instant.now(), List.of("x"), List.of(), Path.of("/x"));

    assertThat(state.runtimeAlive()).isFalse();
  }

  @Test
  void missingStateDirectoryListsNothing() throws Exception {
    assertThat(new StateStore(dir.resolve("none")).list()).isEmpty();
  }
}
