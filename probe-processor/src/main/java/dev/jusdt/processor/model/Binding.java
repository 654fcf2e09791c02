package dev.jusdt.processor.model;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * A generated Java class whose methods fire probes.
 *
 * @param packageName its package
 * @param simpleName its simple name
 * @param kind what it is
 * @param declaringType for typed probes the implemented or extended type, {@code pkg.Type}; for
 *     phase bindings the empty string
 * @param methods its firing methods, one per site
 * @param originatingElements the declarations it comes from, for incremental builds
 */
public record Binding(
    String packageName,
    String simpleName,
    BindingKind kind,
    String declaringType,
    List<BindingMethod> methods,
    List<Element> originatingElements) {

  /** The fully qualified name, {@code pkg.Simple}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
