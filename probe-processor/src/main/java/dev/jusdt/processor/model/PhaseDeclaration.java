package dev.jusdt.processor.model;

import javax.lang.model.element.VariableElement;

/**
 * A checked {@code @UsdtProbe} on a phase constant.
 *
 * @param element the constant
 * @param provider the provider
 * @param name the probe name
 * @param layout the arguments after the phase
 * @param value the constant's value, the phase number
 * @param elementName {@code pkg.Type#NAME}
 * @param packageName the package the binding is generated in
 */
public record PhaseDeclaration(
    VariableElement element,
    String provider,
    String name,
    PhaseLayout layout,
    long value,
    String elementName,
    String packageName) {}
