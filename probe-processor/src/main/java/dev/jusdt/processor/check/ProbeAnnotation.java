package dev.jusdt.processor.check;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The values of one {@code @UsdtProbe}, read from its mirror so that errors can point at the
 * offending value.
 */
record ProbeAnnotation(
    AnnotationMirror mirror,
    String provider,
    AnnotationValue providerValue,
    String name,
    AnnotationValue nameValue,
    int args,
    AnnotationValue argsValue) {

  static final String PROBE = "dev.jusdt.annotations.UsdtProbe";
  static final String PROVIDER = "dev.jusdt.annotations.UsdtProvider";

  /**
   * Whether {@code args} is written out; {@code args = -1}, the default's value, is then out of
   * range rather than absent.
   */
  boolean hasArgs() {
    return argsValue != null;
  }

  /** Reads the {@code @UsdtProbe} of an element, or empty if it has none. */
  static Optional<ProbeAnnotation> of(Element element) {
    return mirror(element, PROBE).map(ProbeAnnotation::read);
  }

  /** The {@code @UsdtProvider} value of the nearest enclosing type, or the empty string. */
  static String enclosingProvider(Element element) {
    for (Element e = element.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      Optional<AnnotationMirror> provider = mirror(e, PROVIDER);
      if (provider.isPresent()) {
        return (String) value(provider.get(), "value").map(AnnotationValue::getValue).orElse("");
      }
    }
    return "";
  }

  private static ProbeAnnotation read(AnnotationMirror mirror) {
    Optional<AnnotationValue> provider = value(mirror, "provider");
    Optional<AnnotationValue> name = value(mirror, "name");
    Optional<AnnotationValue> args = value(mirror, "args");
    return new ProbeAnnotation(
        mirror,
        provider.map(v -> (String) v.getValue()).orElse(""),
        provider.orElse(null),
        name.map(v -> (String) v.getValue()).orElse(""),
        name.orElse(null),
        args.map(v -> (Integer) v.getValue()).orElse(-1),
        args.orElse(null));
  }

  private static Optional<AnnotationMirror> mirror(Element element, String type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(type)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static Optional<AnnotationValue> value(AnnotationMirror mirror, String member) {
    // Explicit values only: a default is not where the user can fix anything.
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
