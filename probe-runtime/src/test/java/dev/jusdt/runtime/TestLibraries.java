package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real shared libraries with gcc and lays them out as a jar would carry them. */
final class TestLibraries {

  private TestLibraries() {}

  /** The platform directory of this machine; skips the test on one without a native build. */
  static String platform() {
    String platform = Platform.current(Settings.system());
    assumeTrue(platform != null, "no native build for this machine: USDT needs Linux");
    return platform;
  }

  /**
   * Compiles {@code lib<library>.so} with a JNI_OnLoad; {@code salt} makes its bytes, and so its
   * content-addressed path, unique to the test. Skips the test without gcc.
   */
  static byte[] compile(Path workDirectory, String library, String salt) throws Exception {
    String gcc = gcc();
    assumeTrue(gcc != null, "gcc not found: apt-get install gcc");
    Files.createDirectories(workDirectory);
    Path source = workDirectory.resolve(library + ".c");
    Files.writeString(
        source,
        "const char jusdt_test_salt[] = \""
            + salt
            + "\";\n"
            + "int JNI_OnLoad(void *vm, void *reserved) {\n"
            + "  (void) vm; (void) reserved;\n"
            + "  return 0x00010008; /* JNI_VERSION_1_8, without needing jni.h */\n"
            + "}\n");
    return Files.readAllBytes(sharedLibrary(gcc, workDirectory, library, source));
  }

  /**
   * Compiles {@code lib<library>.so} whose {@code JNI_OnLoad} finds (and so initialises) {@code
   * className}, as a library that binds natives of its own does. Skips the test without gcc.
   */
  static Path compileFindingClass(Path workDirectory, String library, String salt, String className)
      throws Exception {
    String gcc = gcc();
    assumeTrue(gcc != null, "gcc not found: apt-get install gcc");
    Path include = Path.of(System.getProperty("java.home"), "include");
    assumeTrue(Files.isRegularFile(include.resolve("jni.h")), "no jni.h in " + include + ": a JDK, not a JRE");
    Files.createDirectories(workDirectory);
    Path source = workDirectory.resolve(library + ".c");
    Files.writeString(
        source,
        "#include <jni.h>\n"
            + "const char jusdt_test_salt[] = \"" + salt + "\";\n"
            + "JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {\n"
            + "  (void) reserved;\n"
            + "  JNIEnv *env;\n"
            + "  if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) == JNI_OK) {\n"
            + "    jclass found = (*env)->FindClass(env, \"" + className.replace('.', '/') + "\");\n"
            + "    if (found == NULL) { (*env)->ExceptionClear(env); return JNI_ERR; }\n"
            + "  }\n"
            + "  return JNI_VERSION_1_8;\n"
            + "}\n");
    return sharedLibrary(gcc, workDirectory, library, source,
        "-I" + include, "-I" + include.resolve("linux"));
  }

  /** Compiles {@code source} into {@code workDirectory/lib<library>.so}; fails on gcc's errors. */
  private static Path sharedLibrary(String gcc, Path workDirectory, String library, Path source,
      String... options) throws Exception {
    Path output = workDirectory.resolve("lib" + library + ".so");
    List<String> command = new ArrayList<>(List.of(gcc, "-shared", "-fPIC"));
    command.addAll(List.of(options));
    command.addAll(List.of("-o", output.toString(), source.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    return output;
  }

  private static String gcc() {
    String path = System.getenv("PATH");
    for (String directory : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "gcc");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /** Writes {@code root/META-INF/native/<platform>/lib<library>.so}; returns {@code root}. */
  static Path bundle(Path root, String library, byte[] content) throws IOException {
    Path file =
        root.resolve(
            Platform.resourceName(Platform.current(Settings.system()), "lib" + library + ".so"));
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return root;
  }

  /**
   * Writes {@code root/META-INF/native/<platform>/lib<library>.so.sha256}, the record the build
   * writes next to the library: {@code recordedContent}'s SHA-256 and size.
   */
  static Path record(Path root, String library, byte[] recordedContent) throws IOException {
    Path file =
        root.resolve(
            Platform.resourceName(
                Platform.current(Settings.system()), "lib" + library + ".so.sha256"));
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        ContentHash.sha256Hex(recordedContent) + " " + recordedContent.length + "\n",
        StandardCharsets.US_ASCII);
    return root;
  }

  /** Copies {@link Anchor}'s class file into {@code root}, as a build puts a generated class. */
  static Path withAnchor(Path root) throws Exception {
    String classFile = Anchor.class.getName().replace('.', '/') + ".class";
    Path target = root.resolve(classFile);
    Files.createDirectories(target.getParent());
    Files.copy(testClasses().resolve(classFile), target);
    return root;
  }

  /** Packs the files under {@code root} into the jar {@code jar}. */
  static Path jar(Path root, Path jar) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new ZipEntry(root.relativize(file).toString()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A class loader over {@code entry} alone, so that {@link Anchor} comes from there. */
  static URLClassLoader classLoaderOverOnly(Path entry) throws Exception {
    return new URLClassLoader(
        new URL[] {entry.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  /**
   * A class loader over {@code roots} and the test classes (for {@link Anchor}), with none of the
   * test's class path as parent.
   */
  static URLClassLoader classLoaderOver(Path... roots) throws Exception {
    URL[] urls = new URL[roots.length + 1];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    urls[roots.length] = testClasses().toUri().toURL();
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  /** {@link Anchor} as defined by {@code loader}, so its class loader sees what that one sees. */
  static Class<?> anchorIn(ClassLoader loader) throws ClassNotFoundException {
    Class<?> anchor = Class.forName(Anchor.class.getName(), false, loader);
    assertThat(anchor.getClassLoader()).isSameAs(loader);
    return anchor;
  }

  /** probe-runtime's compiled classes (target/classes). */
  static Path mainClasses() throws URISyntaxException {
    return Path.of(ProbeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The test classes (target/test-classes). */
  static Path testClasses() throws URISyntaxException {
    return Path.of(TestLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Starts a JVM like this one, running {@code mainClass} on {@code classPath}. */
  static Process startJvm(
      List<Path> classPath, List<String> jvmOptions, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Quiets JDK 24+'s restricted-method warning, as a real deployment would.
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    StringBuilder path = new StringBuilder();
    for (Path entry : classPath) {
      path.append(path.length() == 0 ? "" : File.pathSeparator).append(entry);
    }
    command.add(path.toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
