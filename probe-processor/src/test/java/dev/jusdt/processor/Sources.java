package dev.jusdt.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test inputs and expectations under {@code src/test/resources}. */
final class Sources {

  private Sources() {}

  /** A source under {@code good/} or {@code bad/}, e.g. {@code good/dev/jusdt/example/Phases.java}. */
  static JavaFileObject source(String resource) {
    return JavaFileObjects.forResource(resource);
  }
}
