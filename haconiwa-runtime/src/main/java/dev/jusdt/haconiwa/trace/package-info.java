/**
 * {@code haconiwa trace}: records the {@code haconiwa} probes, live through bpftrace or from a
 * recorded trace, groups the firings into container boots and reports the time spent in each
 * phase as a table, a summary and an SVG timeline. {@link dev.jusdt.haconiwa.trace.TraceCommand}
 * is the entry point.
 */
package dev.jusdt.haconiwa.trace;
