/** Annotations that declare USDT probes; the {@code probe-processor} turns them into code. */
package dev.jusdt.annotations;
