package dev.jusdt.plugin.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** The JNI headers of a JDK, which the generated C includes as {@code <jni.h>}. */
final class JdkIncludes {

  private JdkIncludes() {}

  /**
   * The include directories of a JDK: {@code include} and {@code include/linux}, where {@code
   * jni_md.h} lives.
   *
   * @param jdkHome the JDK's home, by default that of the JVM running Maven
   * @return the two directories
   * @throws MojoExecutionException if the JDK has no {@code include/jni.h}, as a JRE or a
   *     headless runtime-only package does not
   */
  static List<Path> of(Path jdkHome) throws MojoExecutionException {
    Path include = jdkHome.resolve("include");
    if (!Files.isRegularFile(include.resolve("jni.h"))) {
      throw new MojoExecutionException(
          "the JDK at " + jdkHome + " has no include/jni.h; run Maven with a full JDK"
              + " (e.g. apt-get install openjdk-17-jdk-headless), or point -Dusdt.jdkHome at one"
              + CompileFailure.SKIP_HINT);
    }
    return List.of(include, include.resolve("linux"));
  }
}
