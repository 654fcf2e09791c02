package dev.jusdt.runtime;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class path entry, a directory or a jar, that a generated class was loaded from, read directly
 * rather than through its class loader.
 *
 * <p>The build puts a library next to the classes that load it, so this is where its copy is. Asking
 * the application class loader instead first searches every module of the boot layer ({@code
 * BuiltinClassLoader.findMiscResource} opens the JDK's module image for it), and opens the resource
 * through {@code URLConnection}: together 10-20 ms of a cold JVM's start, where opening a file or the
 * already open jar again costs well under one.
 */
final class BundledCopy {

  private final File entry;
  private final boolean directory;

  private BundledCopy(File entry, boolean directory) {
    this.entry = entry;
    this.directory = directory;
  }

  /**
   * Where {@code anchor} was loaded from, or null if that is not a plain directory or jar file (a
   * nested jar, a custom class loader, a denied {@code getProtectionDomain}).
   */
  static BundledCopy of(Class<?> anchor) {
    try {
      ProtectionDomain domain = anchor.getProtectionDomain();
      CodeSource source = domain == null ? null : domain.getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return null;
      }
      File entry = new File(location.toURI());
      if (entry.isDirectory()) {
        return new BundledCopy(entry, true);
      }
      return entry.isFile() ? new BundledCopy(entry, false) : null;
    } catch (URISyntaxException | RuntimeException e) {
      // IllegalArgumentException for a URL that names no file, SecurityException: not readable
      // this way; the class loader is asked instead.
      return null;
    }
  }

  /** The jar file, or null if this entry is a directory. */
  Path jar() {
    return directory ? null : entry.toPath();
  }

  /**
   * The bytes of {@code resource}, or null if this entry does not hold it.
   *
   * @param limit the most bytes to read; a larger resource is treated as absent
   */
  byte[] read(String resource, int limit) throws IOException {
    if (directory) {
      File file = new File(entry, resource);
      if (!file.isFile()) {
        return null;
      }
      try (InputStream in = new FileInputStream(file)) {
        return readUpTo(in, limit);
      }
    }
    // If the class loader has this jar open, ZipFile shares its parsed central directory; if its
    // classes came from a CDS archive, this parses it: JarStamp spares a warm start that.
    try (ZipFile jar = new ZipFile(entry)) {
      ZipEntry found = jar.getEntry(resource);
      if (found == null || found.isDirectory()) {
        return null;
      }
      try (InputStream in = jar.getInputStream(found)) {
        return readUpTo(in, limit);
      }
    }
  }

  private static byte[] readUpTo(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit);
    return bytes.length == limit && in.read() >= 0 ? null : bytes;
  }

  @Override
  public String toString() {
    return entry.toString();
  }
}
