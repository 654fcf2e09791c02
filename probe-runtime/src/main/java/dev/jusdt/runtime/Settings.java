package dev.jusdt.runtime;

import java.util.Map;
import java.util.Properties;

/**
 * The system properties and environment variables the loader reads, passed in so that tests need no
 * global state.
 */
final class Settings {

  private final Properties properties;
  private final Map<String, String> environment;

  Settings(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** This JVM's live system properties and its environment. */
  static Settings system() {
    return new Settings(System.getProperties(), System.getenv());
  }

  /** A system property, or null if it is unset or empty. */
  String property(String name) {
    return nonEmpty(properties.getProperty(name));
  }

  /** An environment variable, or null if it is unset or empty. */
  String environment(String name) {
    return nonEmpty(environment.get(name));
  }

  private static String nonEmpty(String value) {
    // An empty value is how shells and launchers "unset" a variable they cannot remove.
    return value == null || value.isEmpty() ? null : value;
  }
}
