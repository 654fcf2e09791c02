/**
 * The {@code haconiwa} command line: {@link dev.jusdt.haconiwa.cli.Haconiwa} and one command per
 * verb ({@code run}, {@code probes}, {@code ps}, {@code kill}).
 */
package dev.jusdt.haconiwa.cli;
