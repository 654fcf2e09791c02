package dev.jusdt.haconiwa.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A container file that cannot be used, with every problem found in it: each names the line,
 * the column, the key and what to do.
 */
public final class ContainerFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param file the file's name as given
   * @param line 1-based line, 0 if unknown
   * @param column 1-based column, 0 if unknown
   * @param key the dotted key path ({@code cgroup.memory}, {@code mounts[2].target}), or empty
   * @param message what is wrong and what to do
   */
  public record Problem(String file, int line, int column, String key, String message) {

    /**
     * {@code file:line:column: key: message}, as compilers print it.
     *
     * @return the problem on one line
     */
    @Override
    public String toString() {
      String where = line > 0 ? file + ":" + line + ":" + column : file;
      return where + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
  }

  private final transient List<Problem> problems;

  ContainerFileException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, in the order of the file.
   *
   * @return at least one problem
   */
  public List<Problem> problems() {
    return problems;
  }
}
