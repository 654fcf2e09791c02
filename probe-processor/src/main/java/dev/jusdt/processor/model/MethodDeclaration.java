package dev.jusdt.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A checked {@code @UsdtProbe} on an abstract method.
 *
 * @param element the method
 * @param owner the interface or abstract class declaring it
 * @param provider the provider
 * @param name the probe name
 * @param params the parameters, each one probe argument
 * @param elementName {@code pkg.Type#method}
 * @param packageName the package of the owner, where its binding is generated
 */
public record MethodDeclaration(
    ExecutableElement element,
    TypeElement owner,
    String provider,
    String name,
    List<Param> params,
    String elementName,
    String packageName) {}
