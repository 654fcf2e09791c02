package dev.jusdt.processor.check;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors on the offending element and counts them, so a user sees every mistake of a
 * compilation at once and nothing is written after the first.
 */
public final class ErrorReporter {

  private final Messager messager;
  private int errors;

  /**
   * Creates a reporter.
   *
   * @param messager javac's messager
   */
  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Reports an error that belongs to no element, such as a bad processor option.
   *
   * @param id the message id
   * @param format the message pattern
   * @param args the pattern's arguments
   */
  public void error(String id, String format, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message(id, format, args));
  }

  /**
   * Reports an error on an element.
   *
   * @param element where javac points
   * @param id the message id, e.g. {@code UsdtArgsRange}
   * @param format the message, a {@link String#format} pattern
   * @param args the pattern's arguments
   */
  public void error(Element element, String id, String format, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message(id, format, args), element);
  }

  /**
   * Reports an error on one value of an element's annotation, so javac points at the value.
   *
   * @param element the annotated element
   * @param annotation the annotation
   * @param value the offending value, or null to point at the annotation
   * @param id the message id
   * @param format the message pattern
   * @param args the pattern's arguments
   */
  public void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String id,
      String format,
      Object... args) {
    errors++;
    messager.printMessage(
        Diagnostic.Kind.ERROR, message(id, format, args), element, annotation, value);
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    return errors > 0;
  }

  private static String message(String id, String format, Object... args) {
    return "[" + id + "] " + String.format(format, args);
  }
}
