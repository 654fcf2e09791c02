package dev.jusdt.runtime;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps what it is told, for asserting on warnings. */
final class RecordingLogger implements System.Logger {

  /** One logged message. */
  static final class Entry {
    final Level level;
    final String message;
    final Throwable thrown;

    Entry(Level level, String message, Throwable thrown) {
      this.level = level;
      this.message = message;
      this.thrown = thrown;
    }

    @Override
    public String toString() {
      return level + ": " + message + (thrown == null ? "" : " (" + thrown + ")");
    }
  }

  final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return Warnings.LOGGER_NAME;
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    entries.add(new Entry(level, message, thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    entries.add(new Entry(level, format, null));
  }
}
