package dev.jusdt.processor.model;

/**
 * One phase of a phase-constant probe: a constant whose value becomes the probe's first argument.
 *
 * @param constant the constant's simple name, e.g. {@code PHASE_CONTAINER_START}
 * @param value its value
 * @param element where it is declared, {@code pkg.Type#NAME}
 */
public record Phase(String constant, long value, String element) {}
