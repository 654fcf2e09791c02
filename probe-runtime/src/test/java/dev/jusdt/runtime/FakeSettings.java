package dev.jusdt.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Settings for a test: Linux x86-64, a home and a tmpdir under the test's directory. */
final class FakeSettings {

  private final Properties properties = new Properties();
  private final Map<String, String> environment = new HashMap<>();

  private FakeSettings() {}

  static FakeSettings linux(Path root) {
    return new FakeSettings()
        .property("os.name", "Linux")
        .property("os.arch", "amd64")
        .property("user.name", "tester")
        .property("user.home", root.resolve("home").toString())
        .property("java.io.tmpdir", root.resolve("tmp").toString());
  }

  /** Like {@link #linux} but for this machine's real os.arch, for tests that load for real. */
  static FakeSettings host(Path root) {
    return linux(root).property("os.arch", System.getProperty("os.arch"));
  }

  FakeSettings property(String name, String value) {
    properties.setProperty(name, value);
    return this;
  }

  FakeSettings environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Settings build() {
    return new Settings(properties, environment);
  }
}
