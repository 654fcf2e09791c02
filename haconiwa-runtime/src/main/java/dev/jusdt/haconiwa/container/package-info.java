/**
 * The container runtime: {@link dev.jusdt.haconiwa.container.ContainerRuntime} boots a
 * container from a {@link dev.jusdt.haconiwa.config.ContainerSpec}, firing a probe at every
 * phase, and cleans up after it; {@link dev.jusdt.haconiwa.container.StateStore} records running
 * containers for {@code ps} and {@code kill}.
 */
package dev.jusdt.haconiwa.container;
