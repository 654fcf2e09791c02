package dev.jusdt.haconiwa.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The probes of {@code libhaconiwa.so} as the jar's probe manifest ({@code
 * META-INF/jusdt/haconiwa.json}, docs/MANIFEST.md) lists them.
 */
final class ProbeListing {

  static final String RESOURCE = "META-INF/jusdt/haconiwa.json";

  /** The manifest's fields that a listing needs; Gson fills them. */
  static final class Manifest {
    int format;
    String library;
    List<Probe> probes;
  }

  static final class Probe {
    String provider;
    String name;
    List<String> argumentNames;
    List<Phase> phases;
  }

  static final class Phase {
    String constant;
    long value;
  }

  private ProbeListing() {}

  static Manifest read() throws IOException {
    try (InputStream in = ProbeListing.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the class path: run haconiwa from its jar");
      }
      Manifest manifest = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Manifest.class);
      if (manifest == null || manifest.format != 1 || manifest.probes == null) {
        throw new IOException(RESOURCE + " is not a format 1 probe manifest");
      }
      return manifest;
    } catch (JsonParseException e) {
      throw new IOException(RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
