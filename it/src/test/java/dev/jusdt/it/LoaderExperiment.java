package dev.jusdt.it;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link ClassLoadersTest}: loads the fixture's generated probe classes,
 * with their own copy of probe-runtime, in three class loaders one after another, fires a probe
 * from each, and drops the first loader in between. Prints one line per step.
 *
 * <p>Arguments: the jars of the fixture, probe-runtime and probe-annotations.
 */
final class LoaderExperiment {

  private LoaderExperiment() {}

  public static void main(String[] args) throws Exception {
    URL[] jars = new URL[args.length];
    for (int i = 0; i < args.length; i++) {
      jars[i] = Path.of(args[i]).toUri().toURL();
    }
    URLClassLoader one = new URLClassLoader("one", jars, ClassLoader.getPlatformClassLoader());
    fire(one, 1);
    URLClassLoader two = new URLClassLoader("two", jars, ClassLoader.getPlatformClassLoader());
    fire(two, 2);

    WeakReference<ClassLoader> dropped = new WeakReference<>(one);
    one.close();
    one = null;
    for (int i = 0; i < 400 && (dropped.get() != null || mapped()); i++) {
      System.gc();
      Thread.sleep(50);
    }
    System.out.println("loader one collected " + (dropped.get() == null));
    System.out.println("library mapped after collection " + mapped());

    URLClassLoader three = new URLClassLoader("three", jars, ClassLoader.getPlatformClassLoader());
    fire(three, 3);
    fire(two, 2);
    System.out.println("done");
  }

  private static boolean mapped() throws Exception {
    return Files.readString(Path.of("/proc/self/maps")).contains("libstringsfixture.so");
  }

  /** Fires strs:text(id, "loader <id>") and strs:loop through the loader's generated classes. */
  private static void fire(ClassLoader loader, long id) throws Exception {
    Class<?> text = Class.forName("org.example.strings.UsdtTextProbes", true, loader);
    Object probes = text.getField("INSTANCE").get(null);
    Method enabled = text.getMethod("isTextEnabled");
    // The tracer is attached before this JVM starts; a loaded library has its semaphore set.
    for (int i = 0; i < 100 && !(Boolean) enabled.invoke(probes); i++) {
      Thread.sleep(20);
    }
    System.out.println("loader " + id + " enabled " + enabled.invoke(probes));
    text.getMethod("text", long.class, String.class).invoke(probes, id, "loader " + id);
    Class<?> phases = Class.forName("org.example.strings.StrsProbes", true, loader);
    phases.getMethod("loop", long.class, long.class).invoke(null, 7L, id);
  }
}
