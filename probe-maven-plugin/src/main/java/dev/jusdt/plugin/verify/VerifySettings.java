package dev.jusdt.plugin.verify;

import java.nio.file.Path;

/**
 * What {@code probe:verify} was configured with.
 *
 * @param manifestDirectory where the manifests are
 * @param nativeOutputDirectory where the packaged libraries are, {@code META-INF/native} of the
 *     class output
 * @param osName the host's {@code os.name}
 * @param osArch the host's {@code os.arch}
 */
record VerifySettings(Path manifestDirectory, Path nativeOutputDirectory, String osName,
    String osArch) {}
