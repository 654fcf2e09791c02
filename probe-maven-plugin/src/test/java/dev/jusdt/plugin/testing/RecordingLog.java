package dev.jusdt.plugin.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven {@link Log} that keeps every line as {@code [level] message}, for assertions. */
public final class RecordingLog implements Log {

  private final List<String> lines = new ArrayList<>();

  /** Creates an empty log. */
  public RecordingLog() {}

  /**
   * The lines so far.
   *
   * @return e.g. {@code [info] Executing: gcc ...}
   */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * The messages logged at one level.
   *
   * @param level {@code debug}, {@code info}, {@code warn} or {@code error}
   * @return the messages, without the level
   */
  public List<String> at(String level) {
    String prefix = "[" + level + "] ";
    return lines.stream().filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length())).toList();
  }

  private void add(String level, CharSequence content, Throwable error) {
    lines.add("[" + level + "] " + (content == null ? "" : content)
        + (error == null ? "" : " " + error));
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public void debug(CharSequence content) {
    add("debug", content, null);
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    add("debug", content, error);
  }

  @Override
  public void debug(Throwable error) {
    add("debug", null, error);
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public void info(CharSequence content) {
    add("info", content, null);
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    add("info", content, error);
  }

  @Override
  public void info(Throwable error) {
    add("info", null, error);
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(CharSequence content) {
    add("warn", content, null);
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    add("warn", content, error);
  }

  @Override
  public void warn(Throwable error) {
    add("warn", null, error);
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(CharSequence content) {
    add("error", content, null);
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    add("error", content, error);
  }

  @Override
  public void error(Throwable error) {
    add("error", null, error);
  }
}
