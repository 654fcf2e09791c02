/**
 * The {@code haconiwa} command line: {@link dev.jusdt.haconiwa.cli.Main}, the entry point,
 * {@link dev.jusdt.haconiwa.cli.Haconiwa}, picocli's root command, and one command per verb
 * ({@code run}, {@code probes}, {@code ps}, {@code kill}, {@code trace}).
 */
package dev.jusdt.haconiwa.cli;
