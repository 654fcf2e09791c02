package dev.jusdt.plugin.list;

import java.nio.file.Path;

/**
 * What {@code probe:list} was configured with.
 *
 * @param manifestDirectory where the manifests are
 * @param nativeOutputDirectory where the packaged libraries are
 * @param osName the host's {@code os.name}
 * @param osArch the host's {@code os.arch}
 */
record ListSettings(Path manifestDirectory, Path nativeOutputDirectory, String osName,
    String osArch) {}
