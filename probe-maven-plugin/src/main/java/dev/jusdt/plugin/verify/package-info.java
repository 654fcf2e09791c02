/**
 * {@code probe:verify}: reads the SDT notes of each built library with {@code probe-elf} and
 * checks them against the manifest, so that a library that would not fire, or fire with other
 * arguments than the Java side declares, fails the build instead of a trace session.
 */
package dev.jusdt.plugin.verify;
