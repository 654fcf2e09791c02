package dev.jusdt.processor.check;

import java.util.Comparator;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Orders elements as they are written: by enclosing type, then by position in it. javac hands
 * annotated elements of nested types out in an order of its own; clash messages name "the later
 * one", which must be the same on every compiler.
 */
final class DeclarationOrder {

  static final Comparator<Element> COMPARATOR =
      Comparator.comparing((Element e) -> owner(e).getQualifiedName().toString())
          .thenComparingInt(e -> owner(e).getEnclosedElements().indexOf(e));

  private DeclarationOrder() {}

  private static TypeElement owner(Element element) {
    return (TypeElement) element.getEnclosingElement();
  }
}
