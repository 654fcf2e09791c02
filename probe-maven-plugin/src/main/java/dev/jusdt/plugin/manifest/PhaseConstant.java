package dev.jusdt.plugin.manifest;

/**
 * One constant of a phase-constant probe, the value its first argument carries.
 *
 * @param constant the Java constant's name, e.g. {@code PHASE_CLI_START}
 * @param value the constant's value
 */
public record PhaseConstant(String constant, long value) {}
