package dev.jusdt.processor.model;

/** A named probe argument. */
public record Param(String name, ArgType type) {}
