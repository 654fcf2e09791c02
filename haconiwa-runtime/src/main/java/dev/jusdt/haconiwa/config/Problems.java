package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerFileException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one file, so that a user sees every mistake at once. */
final class Problems {

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(Node at, String key, String message) {
    Mark mark = at == null ? null : at.getStartMark().orElse(null);
    add(mark, key, message);
  }

  void add(Mark mark, String key, String message) {
    int line = mark == null ? 0 : mark.getLine() + 1;
    int column = mark == null ? 0 : mark.getColumn() + 1;
    problems.add(new Problem(file, line, column, key, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() throws ContainerFileException {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new ContainerFileException(sorted);
    }
  }
}
