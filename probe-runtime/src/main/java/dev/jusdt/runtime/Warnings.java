package dev.jusdt.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Where the loader's warnings go: the {@code System.Logger} named {@value #LOGGER_NAME}, which
 * java.util.logging, Log4j or SLF4J bridges pick up; tests pass their own logger.
 */
final class Warnings {

  static final String LOGGER_NAME = "dev.jusdt.runtime";

  private final Logger logger;

  private Warnings(Logger logger) {
    this.logger = logger;
  }

  /**
   * Warnings to {@code System.getLogger("dev.jusdt.runtime")}, looked up only when there is one:
   * finding the logging backend is work a healthy start-up should not pay for.
   */
  static Warnings toSystemLogger() {
    return new Warnings(null);
  }

  static Warnings to(Logger logger) {
    return new Warnings(logger);
  }

  void warn(String message, Throwable cause) {
    Logger target = logger != null ? logger : SystemLogger.LOGGER;
    if (cause == null) {
      target.log(Level.WARNING, message);
    } else {
      target.log(Level.WARNING, message, cause);
    }
  }

  private static final class SystemLogger {
    static final Logger LOGGER = System.getLogger(LOGGER_NAME);
  }
}
