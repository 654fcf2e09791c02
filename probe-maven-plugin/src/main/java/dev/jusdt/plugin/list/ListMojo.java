package dev.jusdt.plugin.list;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the USDT probes of each probe library, like bcc's {@code tplist -v}: the library's path,
 * then per probe the argument formats from the SDT note and their names from the manifest, the
 * semaphore, the locations, which tracers can attach (bpftrace, bcc, gdb and SystemTap always;
 * perf only for names that are C identifiers) and a ready-to-paste command for each. A library
 * not built yet is listed from its manifest. Run it with {@code mvn probe:list} after {@code mvn
 * process-classes}; it has no default phase.
 */
@Mojo(name = "list", threadSafe = true)
public class ListMojo extends AbstractMojo {

  /** The directory the probe manifests are read from, one {@code LIBRARY.json} per library. */
  @Parameter(
      property = "usdt.manifestDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/jusdt",
      required = true)
  private File manifestDirectory;

  /**
   * Where the packaged libraries are, as {@code PLATFORM/libLIBRARY.so}; the listing's
   * attach commands use these paths.
   */
  @Parameter(
      property = "usdt.nativeOutputDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/native",
      required = true)
  private File nativeOutputDirectory;

  /**
   * Skips this goal. The user property {@code usdt.skip} skips every probe goal at once.
   */
  @Parameter(property = "usdt.skip", defaultValue = "false")
  private boolean skip;

  /** Creates the Mojo; Maven sets the parameters. */
  public ListMojo() {}

  /**
   * Prints the listing, unless {@code skip} is set.
   *
   * @throws MojoExecutionException if a manifest is unreadable
   */
  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipping the probe listing (parameter 'skip' is true)");
      return;
    }
    new ProbeLister(
            new ListSettings(
                manifestDirectory.toPath(),
                nativeOutputDirectory.toPath(),
                System.getProperty("os.name"),
                System.getProperty("os.arch")),
            getLog()::info)
        .execute();
  }
}
