/**
 * What generated probe classes call at run time. {@link dev.jusdt.runtime.ProbeLibrary} loads
 * the native library from a stable, content-addressed path so tracers can attach by path; {@link
 * dev.jusdt.runtime.Semaphores} reads whether a tracer is attached without crossing into native
 * code.
 */
package dev.jusdt.runtime;
