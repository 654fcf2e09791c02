package dev.jusdt.plugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Maven project directory as the annotation processor leaves it for the plugin: a manifest for
 * {@code libdemo.so}, generated C that includes {@code <jni.h>} and {@code <sys/sdt.h>}, and
 * hand-written C in {@code src/main/c} that includes the generated header.
 *
 * <p>The probes are {@code demo:tick (long)} in semaphore slot 0 and {@code demo:tock (int,
 * String)} in slot 1. gcc lays the two semaphore variables out in that order only with {@code
 * -fno-toplevel-reorder}; the processor's real C uses one array instead.
 */
public final class DemoProject {

  /** The manifest, with single quotes for double quotes. */
  public static final String MANIFEST =
      """
      {
        'format': 1,
        'library': 'demo',
        'sources': ['jusdt/demo/demo_probes.c'],
        'headers': ['jusdt/demo/demo_probes.h'],
        'probes': [
          {'provider': 'demo', 'name': 'tick', 'semaphoreIndex': 0,
           'argumentNames': ['count'], 'sites': [['long']],
           'elements': ['dev.demo.Clock#tick'], 'phases': []},
          {'provider': 'demo', 'name': 'tock', 'semaphoreIndex': 1,
           'argumentNames': ['count', 'label'], 'sites': [['int', 'String']],
           'elements': ['dev.demo.Clock#tock'], 'phases': []}
        ]
      }
      """;

  /** The generated header. */
  public static final String HEADER =
      """
      #ifndef DEMO_PROBES_H
      #define DEMO_PROBES_H
      #include <jni.h>
      void demo_tick(jlong count);
      void demo_tock(jint count, const char *label);
      #endif
      """;

  /** The generated source. */
  public static final String SOURCE =
      """
      #define _SDT_HAS_SEMAPHORES 1
      #include <sys/sdt.h>
      #include "demo_probes.h"

      unsigned short demo_tick_semaphore __attribute__((section(".probes")));
      unsigned short demo_tock_semaphore __attribute__((section(".probes")));

      void demo_tick(jlong count) {
        if (demo_tick_semaphore) DTRACE_PROBE1(demo, tick, count);
      }

      void demo_tock(jint count, const char *label) {
        if (demo_tock_semaphore) DTRACE_PROBE2(demo, tock, count, label);
      }
      """;

  /** The hand-written C. */
  public static final String HAND_WRITTEN =
      """
      #include "demo_probes.h"

      void demo_boot(void) { demo_tick(0); }
      """;

  private final Path basedir;

  private DemoProject(Path basedir) {
    this.basedir = basedir;
  }

  /**
   * Writes the project.
   *
   * @param basedir the project's base directory
   * @return the project
   * @throws IOException if a file cannot be written
   */
  public static DemoProject create(Path basedir) throws IOException {
    DemoProject project = new DemoProject(basedir);
    Manifests.write(project.manifestDirectory(), "demo", MANIFEST);
    write(project.generatedSources().resolve("jusdt/demo/demo_probes.h"), HEADER);
    write(project.generatedSources().resolve("jusdt/demo/demo_probes.c"), SOURCE);
    write(project.nativeSources().resolve("extra.c"), HAND_WRITTEN);
    return project;
  }

  /**
   * Writes a file, creating its directory.
   *
   * @param file the file
   * @param content its text
   * @throws IOException if it cannot be written
   */
  public static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** @return the base directory */
  public Path basedir() {
    return basedir;
  }

  /** @return {@code target} */
  public Path target() {
    return basedir.resolve("target");
  }

  /** @return {@code target/classes} */
  public Path classes() {
    return target().resolve("classes");
  }

  /** @return {@code target/classes/META-INF/jusdt} */
  public Path manifestDirectory() {
    return classes().resolve("META-INF/jusdt");
  }

  /** @return {@code target/generated-sources/annotations} */
  public Path generatedSources() {
    return target().resolve("generated-sources/annotations");
  }

  /** @return {@code src/main/c} */
  public Path nativeSources() {
    return basedir.resolve("src/main/c");
  }

  /** @return {@code target/jusdt} */
  public Path buildDirectory() {
    return target().resolve("jusdt");
  }

  /** @return {@code target/classes/META-INF/native} */
  public Path nativeOutputDirectory() {
    return classes().resolve("META-INF/native");
  }
}
