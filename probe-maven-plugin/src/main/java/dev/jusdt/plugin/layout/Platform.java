package dev.jusdt.plugin.layout;

import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The platform directory a probe library is built for, {@code linux-x86_64} or {@code
 * linux-aarch64}, named as the runtime loader looks it up under {@code META-INF/native/}.
 *
 * <p>SDT notes, uprobes and the tracers that use them exist only on Linux, and the generated
 * C is tested only on these two architectures.
 */
public final class Platform {

  private Platform() {}

  /**
   * The platform of a host.
   *
   * @param osName the {@code os.name} system property
   * @param osArch the {@code os.arch} system property
   * @return {@code linux-x86_64}, {@code linux-aarch64}, or empty for any other host
   */
  public static Optional<String> of(String osName, String osArch) {
    if (osName == null || osArch == null || !osName.toLowerCase(Locale.ROOT).equals("linux")) {
      return Optional.empty();
    }
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> Optional.of("linux-x86_64");
      case "aarch64", "arm64" -> Optional.of("linux-aarch64");
      default -> Optional.empty();
    };
  }

  /**
   * Explains why a host cannot build probe libraries.
   *
   * @param osName the {@code os.name} system property
   * @param osArch the {@code os.arch} system property
   * @return a message that names the way out, {@code -Dusdt.skip=true}
   */
  public static String unsupported(String osName, String osArch) {
    return "USDT probe libraries can be built only on Linux x86_64 or aarch64, but this host is "
        + osName + " " + osArch
        + "; build with -Dusdt.skip=true to package the jar without the probe library"
        + " (the probes are then no-ops at run time)";
  }

  /**
   * The platform of a host that must build or read probe libraries.
   *
   * @param osName {@code os.name}
   * @param osArch {@code os.arch}
   * @return {@code linux-x86_64} or {@code linux-aarch64}
   * @throws MojoExecutionException on any other host, saying how to build without the library
   */
  public static String require(String osName, String osArch) throws MojoExecutionException {
    Optional<String> platform = of(osName, osArch);
    if (platform.isEmpty()) {
      throw new MojoExecutionException(unsupported(osName, osArch));
    }
    return platform.get();
  }
}
