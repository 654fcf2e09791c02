package dev.jusdt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a USDT probe: a static trace point in the {@code .note.stapsdt} ELF note of the
 * project's native library, which bpftrace, bcc, perf, gdb and SystemTap can enable at run time.
 *
 * <p>Two forms are accepted.
 *
 * <p><b>Phase constants</b> (the Haconiwa style): on a {@code static final} integral constant.
 * Every constant that names the same probe is one <em>phase</em> of it; the first probe argument
 * is the constant's value. {@code args} chooses the layout:
 *
 * <ul>
 *   <li>{@code 1}: {@code (phase)};
 *   <li>{@code 2}: {@code (phase, value)} where the caller passes a {@code long} or a {@code
 *       String} value (a String becomes a NUL-terminated UTF-8 {@code char *});
 *   <li>{@code 3}: {@code (phase, tv_sec, tv_nsec)}, the time read from {@code
 *       clock_gettime(CLOCK_BOOTTIME)} in native code at the probe site.
 * </ul>
 *
 * <pre>{@code
 * @UsdtProbe(provider = "haconiwa", name = "probe-boottime", args = 3)
 * public static final int PHASE_START_SV = 1;
 * ...
 * HaconiwaProbes.probeBoottime(Phases.PHASE_START_SV);
 * }</pre>
 *
 * <p><b>Typed probes</b> (the JSDT style): on an abstract {@code void} method of an interface or
 * abstract class. Each parameter ({@code long}, {@code int}, {@code short}, {@code byte}, {@code
 * char}, {@code boolean} or {@code String}) is one probe argument, 0 to 12 of them. The generated
 * {@code Usdt<Type>} class implements the type.
 *
 * <p>Names are written into the ELF note byte for byte, dashes included. A probe that has a
 * tracer attached crosses into native code; one that has none costs one memory read.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface UsdtProbe {

  /**
   * The provider, the first part of a tracer's probe name ({@code usdt:PATH:provider:name}).
   * Letters, digits and {@code _}, starting with a letter or {@code _}, at most 64 characters.
   * Empty means: the {@link UsdtProvider} of the enclosing type.
   *
   * <p>{@code <sys/sdt.h>} writes the name into the ELF note through C macros, so neither it nor
   * any dash-separated part of a probe name may be a C macro where the probe is compiled ({@code
   * linux}, {@code NULL}, {@code EOF}, {@code CLOCK_REALTIME}...) or an identifier C reserves
   * ({@code __x}, {@code _X}): {@code linux} would reach the note as {@code 1}. The processor
   * reports such a name as an error.
   */
  String provider() default "";

  /**
   * The probe name. Letters, digits, {@code _} and single {@code -} between them, starting with a
   * letter or {@code _}, at most 64 characters; dashes are kept in the ELF note. The parts between
   * dashes follow the provider's rule on C macros. Empty means the method name (typed probes
   * only).
   */
  String name() default "";

  /**
   * The number of probe arguments, 0 to 12. Required on phase constants (1, 2 or 3, see above);
   * on methods it defaults to the parameter count and, when given, must equal it.
   */
  int args() default -1;
}
