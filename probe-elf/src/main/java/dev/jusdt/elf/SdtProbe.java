package dev.jusdt.elf;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One SystemTap SDT probe, as its {@code NT_STAPSDT} note in an ELF file describes it. The
 * addresses are the raw values of the note, the ones {@code readelf -n} prints: no prelink or
 * {@code .stapsdt.base} adjustment is applied.
 *
 * @param provider the provider, e.g. {@code libc}
 * @param name the probe name, byte for byte as in the note (sys/sdt.h keeps dashes, e.g. {@code
 *     probe-boottime})
 * @param location the link-time address of the probe's {@code nop}
 * @param base the link-time address of the {@code .stapsdt.base} section, against which tracers
 *     detect prelinking
 * @param semaphore the link-time address of the probe's {@code unsigned short} semaphore, or 0 if
 *     it has none
 * @param arguments the arguments, in order; sys/sdt.h writes at most 12
 */
public record SdtProbe(
    String provider,
    String name,
    long location,
    long base,
    long semaphore,
    List<SdtArgument> arguments) {

  /**
   * Checks for nulls and makes the argument list an immutable copy.
   *
   * @param provider the provider
   * @param name the probe name
   * @param location the address of the probe point
   * @param base the address of {@code .stapsdt.base}
   * @param semaphore the address of the semaphore, or 0
   * @param arguments the arguments, copied
   */
  public SdtProbe {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
  }

  /**
   * The raw argument string as readelf prints it.
   *
   * @return e.g. {@code -8@%rax -8@%rdx 8@-16(%rbp)}; empty for a probe without arguments. Runs of
   *     blanks between arguments in the note come back as single spaces.
   */
  public String argumentText() {
    return arguments.stream().map(SdtArgument::format).collect(Collectors.joining(" "));
  }

  /**
   * Whether the probe has a semaphore, i.e. a counter that tracers raise while attached so that the
   * program can skip preparing the arguments otherwise.
   *
   * @return {@code semaphore() != 0}
   */
  public boolean hasSemaphore() {
    return semaphore != 0;
  }
}
