package dev.jusdt.plugin.compile;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles each probe library the annotation processor declared ({@code
 * META-INF/jusdt/LIBRARY.json}) with gcc into {@code libLIBRARY.so}, and copies it to {@code
 * META-INF/native/PLATFORM/} of the class output so the jar plugin packs it; PLATFORM is {@code
 * linux-x86_64} or {@code linux-aarch64}.
 *
 * <p>The library is built from the generated C the manifest lists and every {@code *.c} under
 * {@link #nativeSourceDirectory}: each file compiled on its own with {@code -std=gnu11 -O1 -fPIC
 * -Wall -Wextra -g0} (generated C) or {@code -std=gnu11 -O2 -fPIC -Wall -Wextra -g0} (hand-written
 * C) and the JNI headers of the JDK running Maven, as many at once as there are cores, then linked
 * with {@code -shared -Wl,-z,noexecstack}. gcc runs only when the compiler, its arguments or an
 * input's content changed since the last build. Needs gcc and {@code sys/sdt.h} (Debian: {@code
 * apt-get install gcc systemtap-sdt-dev}), on Linux x86_64 or aarch64.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CompileMojo extends AbstractMojo {

  /**
   * The directory the probe manifests are read from, one {@code LIBRARY.json} per library.
   * The annotation processor writes them to the class output.
   */
  @Parameter(
      property = "usdt.manifestDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/jusdt",
      required = true)
  private File manifestDirectory;

  /**
   * The annotation processor's source output, against which the manifest's {@code sources} and
   * {@code headers} are resolved.
   */
  @Parameter(
      property = "usdt.generatedSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-sources/annotations",
      required = true)
  private File generatedSourcesDirectory;

  /**
   * Hand-written C compiled into the same library: every {@code *.c} below it. It is on the
   * include path, after the generated header's directory, so its files can include the
   * generated header by name. Need not exist.
   */
  @Parameter(
      property = "usdt.nativeSourceDirectory",
      defaultValue = "${project.basedir}/src/main/c",
      required = true)
  private File nativeSourceDirectory;

  /**
   * Where gcc writes {@code PLATFORM/libLIBRARY.so}, next to the {@code .stamp} that lets a
   * later build skip gcc when nothing changed, and the objects it links, under {@code
   * PLATFORM/obj/LIBRARY/}.
   */
  @Parameter(
      property = "usdt.buildDirectory",
      defaultValue = "${project.build.directory}/jusdt",
      required = true)
  private File buildDirectory;

  /**
   * Where the library is copied for packaging, as {@code PLATFORM/libLIBRARY.so}; the
   * runtime loader looks for it there in the jar.
   */
  @Parameter(
      property = "usdt.nativeOutputDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/native",
      required = true)
  private File nativeOutputDirectory;

  /**
   * The C compiler: a name looked up on {@code PATH} or a path, optionally followed by words
   * that go before its arguments ({@code ccache gcc}). Unset: the {@code CC} environment
   * variable, else {@code gcc} on {@code PATH}.
   */
  @Parameter(property = "usdt.compiler")
  private String compiler;

  /**
   * Extra compiler arguments, appended after all others, to every compile and to the link, e.g.
   * {@code -Werror} or {@code -lrt}. On the command line: comma-separated.
   */
  @Parameter(property = "usdt.compilerArgs")
  private List<String> compilerArgs;

  /**
   * The JDK whose {@code include/jni.h} and {@code include/linux/jni_md.h} the generated C is
   * compiled against. Defaults to the JDK running Maven.
   */
  @Parameter(property = "usdt.jdkHome", defaultValue = "${java.home}", required = true)
  private File jdkHome;

  /**
   * Skips this goal: no library is built, and the jar's probes are no-ops at run time. The user
   * property {@code usdt.skip} skips every probe goal at once, for hosts that cannot build probe
   * libraries, e.g. macOS.
   */
  @Parameter(property = "usdt.skip", defaultValue = "false")
  private boolean skip;

  /** Creates the Mojo; Maven sets the parameters. */
  public CompileMojo() {}

  /**
   * Builds and packages the probe libraries, unless {@code skip} is set.
   *
   * @throws MojoExecutionException if this host, compiler or JDK cannot build them
   * @throws MojoFailureException if the compiler rejects the sources
   */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping probe library compilation (parameter 'skip' is true)");
      return;
    }
    new GccCompiler(
            new CompileSettings(
                manifestDirectory.toPath(),
                generatedSourcesDirectory.toPath(),
                nativeSourceDirectory.toPath(),
                buildDirectory.toPath(),
                nativeOutputDirectory.toPath(),
                compiler,
                compilerArgs,
                jdkHome.toPath(),
                System.getenv(),
                System.getProperty("os.name"),
                System.getProperty("os.arch")),
            getLog())
        .execute();
  }
}
