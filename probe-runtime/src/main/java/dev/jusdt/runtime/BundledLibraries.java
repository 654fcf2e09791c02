package dev.jusdt.runtime;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The names of the libraries a class path bundles under {@code META-INF/native/<platform>/}. */
final class BundledLibraries {

  private BundledLibraries() {}

  /**
   * Library names, sorted: from every entry of {@code classPath} (jars need no directory entries
   * for this) and from every copy of the directory {@code loader} sees (which covers jars named by
   * a manifest {@code Class-Path}).
   */
  static Set<String> find(String platform, String classPath, ClassLoader loader)
      throws IOException {
    String directory = "META-INF/native/" + platform + "/";
    Set<String> names = new TreeSet<>();
    if (classPath != null) {
      for (String entry : classPath.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          scan(Path.of(entry), directory, names);
        }
      }
    }
    Enumeration<URL> copies = loader.getResources(directory);
    while (copies.hasMoreElements()) {
      scan(copies.nextElement(), directory, names);
    }
    return names;
  }

  private static void scan(Path entry, String directory, Set<String> names) throws IOException {
    if (Files.isDirectory(entry)) {
      scanDirectory(entry.resolve(directory), names);
    } else if (Files.isRegularFile(entry)) {
      try (JarFile jar = new JarFile(entry.toFile())) {
        scanJar(jar, directory, names);
      }
    }
  }

  private static void scan(URL url, String directory, Set<String> names) throws IOException {
    if (url.getProtocol().equals("file")) {
      try {
        scanDirectory(Path.of(url.toURI()), names);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("cannot read " + url, e);
      }
    } else if (url.getProtocol().equals("jar")) {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection) {
        // Not cached: closing a cached JarFile would break the class loader that shares it.
        connection.setUseCaches(false);
        try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
          scanJar(jar, directory, names);
        }
      }
    }
  }

  private static void scanDirectory(Path directory, Set<String> names) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        add(file.getFileName().toString(), names);
      }
    }
  }

  private static void scanJar(JarFile jar, String directory, Set<String> names) {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.startsWith(directory) && name.indexOf('/', directory.length()) < 0) {
        add(name.substring(directory.length()), names);
      }
    }
  }

  private static void add(String fileName, Set<String> names) {
    if (fileName.startsWith("lib") && fileName.endsWith(".so") && fileName.length() > 6) {
      names.add(fileName.substring(3, fileName.length() - 3));
    }
  }
}
