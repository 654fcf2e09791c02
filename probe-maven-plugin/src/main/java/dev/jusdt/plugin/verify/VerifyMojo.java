package dev.jusdt.plugin.verify;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks each packaged probe library's SDT notes ({@code .note.stapsdt}, read in pure Java)
 * against its manifest: every declared probe has a note entry with the same provider and name,
 * byte for byte; every entry's arguments match one of the probe's firing sites in size and
 * signedness; every entry has a semaphore, one per probe, distinct between probes and in the
 * slot the Java side reads; and no entry under a declared provider is undeclared. All mismatches
 * are reported in one failure.
 *
 * <p>Bound to {@code process-classes}; list it after {@code compile} in the same execution.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

  /** The directory the probe manifests are read from, one {@code LIBRARY.json} per library. */
  @Parameter(
      property = "usdt.manifestDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/jusdt",
      required = true)
  private File manifestDirectory;

  /**
   * Where the packaged libraries are, as {@code PLATFORM/libLIBRARY.so}: the copies {@code
   * probe:compile} made for the jar.
   */
  @Parameter(
      property = "usdt.nativeOutputDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/native",
      required = true)
  private File nativeOutputDirectory;

  /**
   * Skips this goal. The user property {@code usdt.skip} skips every probe goal at once, for
   * hosts that cannot build probe libraries.
   */
  @Parameter(property = "usdt.skip", defaultValue = "false")
  private boolean skip;

  /** Creates the Mojo; Maven sets the parameters. */
  public VerifyMojo() {}

  /**
   * Verifies the probe libraries, unless {@code skip} is set.
   *
   * @throws MojoExecutionException if a manifest is unreadable or the host is not supported
   * @throws MojoFailureException if a library is missing or does not match its manifest
   */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping probe library verification (parameter 'skip' is true)");
      return;
    }
    new ElfNoteVerifier(
            new VerifySettings(
                manifestDirectory.toPath(),
                nativeOutputDirectory.toPath(),
                System.getProperty("os.name"),
                System.getProperty("os.arch")),
            getLog())
        .execute();
  }
}
