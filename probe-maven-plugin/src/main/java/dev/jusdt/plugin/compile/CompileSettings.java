package dev.jusdt.plugin.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code probe:compile} was configured with, copied from the Mojo so the executor never sees
 * a later change.
 *
 * @param manifestDirectory where the manifests are, {@code META-INF/jusdt} of the class output
 * @param generatedSourcesDirectory the annotation processor's source output
 * @param nativeSourceDirectory the hand-written C; need not exist
 * @param buildDirectory where gcc writes, {@code target/jusdt}
 * @param nativeOutputDirectory where the jar plugin packs libraries from, {@code
 *     META-INF/native} of the class output
 * @param compiler the {@code compiler} parameter, or null
 * @param compilerArguments the user's extra compiler arguments
 * @param jdkHome the JDK whose JNI headers to use
 * @param environment the environment, for {@code CC} and {@code PATH}
 * @param osName the host's {@code os.name}
 * @param osArch the host's {@code os.arch}
 */
record CompileSettings(
    Path manifestDirectory,
    Path generatedSourcesDirectory,
    Path nativeSourceDirectory,
    Path buildDirectory,
    Path nativeOutputDirectory,
    String compiler,
    List<String> compilerArguments,
    Path jdkHome,
    Map<String, String> environment,
    String osName,
    String osArch) {

  CompileSettings {
    compilerArguments = compilerArguments == null ? List.of() : List.copyOf(compilerArguments);
    environment = Map.copyOf(environment);
  }
}
