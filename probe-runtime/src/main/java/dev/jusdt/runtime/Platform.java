package dev.jusdt.runtime;

/** Which native build ({@code META-INF/native/<platform>/}) this JVM can load. */
final class Platform {

  static final String LINUX_X86_64 = "linux-x86_64";
  static final String LINUX_AARCH64 = "linux-aarch64";

  private Platform() {}

  /**
   * The platform directory for an {@code os.name} and {@code os.arch}.
   *
   * @return {@link #LINUX_X86_64}, {@link #LINUX_AARCH64}, or null if there is no build for it
   */
  static String of(String osName, String osArch) {
    // USDT probes are an ELF note plus a uprobe: there is nothing to trace on other kernels.
    if (osName == null || osArch == null || !osName.equalsIgnoreCase("Linux")) {
      return null;
    }
    switch (osArch) {
      case "amd64":
      case "x86_64":
        return LINUX_X86_64;
      case "aarch64":
      case "arm64":
        return LINUX_AARCH64;
      default:
        return null;
    }
  }

  /** The platform directory for this JVM, or null if there is no build for it. */
  static String current(Settings settings) {
    return of(settings.property("os.name"), settings.property("os.arch"));
  }

  /** The resource a jar holds the library in, e.g. {@code META-INF/native/linux-x86_64/libx.so}. */
  static String resourceName(String platform, String fileName) {
    return "META-INF/native/" + platform + "/" + fileName;
  }
}
