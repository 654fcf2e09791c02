/**
 * The jusdt Maven plugin, goal prefix {@code probe}: {@code probe:compile} builds each probe
 * library the annotation processor declared and puts it where the jar plugin packs it, {@code
 * probe:verify} checks the library's SDT notes against the declaration, and {@code probe:list}
 * prints what a tracer can attach to.
 *
 * <p>Each goal lives in a package of its own ({@code compile}, {@code verify}, {@code list}) as a
 * thin Mojo plus an executor that does the work and is tested without Maven; {@code manifest}
 * reads the processor's manifests and {@code layout} knows where libraries go.
 */
package dev.jusdt.plugin;
