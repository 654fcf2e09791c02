/**
 * The container file: {@link dev.jusdt.haconiwa.config.ContainerFile} reads YAML into a checked
 * {@link dev.jusdt.haconiwa.config.ContainerSpec}, or fails with every problem's line and key.
 */
package dev.jusdt.haconiwa.config;
