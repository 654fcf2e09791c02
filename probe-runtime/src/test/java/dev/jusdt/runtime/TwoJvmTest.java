package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs, as on a real machine, sharing one cache directory. */
class TwoJvmTest {

  @TempDir Path temp;

  @Test
  void twoJvmsShareOneExtraction(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "jvm_race", test.getDisplayName() + System.nanoTime());
    Path root = TestLibraries.bundle(temp.resolve("jar"), "jvm_race", library);
    Path cache = temp.resolve("cache");
    Path go = temp.resolve("go");

    Process first =
        child(root, cache, "jvm_race", temp.resolve("ready1").toString(), go.toString());
    Process second =
        child(root, cache, "jvm_race", temp.resolve("ready2").toString(), go.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(temp.resolve("ready1")) && Files.exists(temp.resolve("ready2")))) {
      assertThat(System.nanoTime()).as("children ready").isLessThan(deadline);
      assertThat(first.isAlive() && second.isAlive()).as("children alive").isTrue();
      Thread.sleep(5);
    }
    Files.createFile(go);
    List<String> one = output(first);
    List<String> two = output(second);

    Path expected =
        cache.resolve(ContentHash.sha256Hex(library)).resolve("libjvm_race.so").toRealPath();
    assertThat(one.get(0)).isEqualTo("loaded " + expected);
    assertThat(two.get(0)).isEqualTo("loaded " + expected);
    assertThat(expected).hasBinaryContent(library);
    // The library and the stamp of its verification; no temporary file of either JVM is left.
    try (Stream<Path> files = Files.list(expected.getParent())) {
      assertThat(files).containsExactlyInAnyOrder(expected, CachedCopy.stampOf(expected));
    }
  }

  @Test
  void secondJvmLoadsTheFirstOnesFileUnchanged(TestInfo test) throws Exception {
    TestLibraries.platform();
    byte[] library =
        TestLibraries.compile(
            temp.resolve("build"), "jvm_reuse", test.getDisplayName() + System.nanoTime());
    Path root = TestLibraries.bundle(temp.resolve("jar"), "jvm_reuse", library);
    Path cache = temp.resolve("cache");

    List<String> cold = output(child(root, cache, "jvm_reuse"));
    Path path = Path.of(cold.get(0).substring("loaded ".length()));
    Object inode = fileKey(path);
    List<String> warm = output(child(root, cache, "jvm_reuse"));

    assertThat(warm.get(0)).isEqualTo(cold.get(0));
    // The same inode: uprobes a tracer attached by path before this JVM started still fire.
    assertThat(fileKey(path)).isEqualTo(inode);
    System.out.println(
        "ProbeLibrary.load in a fresh JVM: extracting " + cold.get(1) + ", reusing " + warm.get(1));
  }

  private static Process child(Path root, Path cache, String... args) throws Exception {
    return TestLibraries.startJvm(
        List.of(TestLibraries.mainClasses(), TestLibraries.testClasses(), root),
        List.of("-Djusdt.cache.dir=" + cache),
        ChildLoad.class.getName(),
        args);
  }

  private static List<String> output(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    return out.lines().toList();
  }

  private static Object fileKey(Path file) throws Exception {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }
}
