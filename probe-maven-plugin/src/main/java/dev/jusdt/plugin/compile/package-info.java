/**
 * {@code probe:compile}: builds {@code lib<library>.so} from the generated and the hand-written C
 * with gcc, skips gcc when nothing changed, and copies the library to {@code META-INF/native/}.
 */
package dev.jusdt.plugin.compile;
