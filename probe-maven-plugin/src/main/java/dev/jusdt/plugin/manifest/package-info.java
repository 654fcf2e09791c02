/**
 * Reads the probe manifests ({@code META-INF/jusdt/<library>.json}) the annotation processor
 * writes: see {@code docs/MANIFEST.md}.
 */
package dev.jusdt.plugin.manifest;
