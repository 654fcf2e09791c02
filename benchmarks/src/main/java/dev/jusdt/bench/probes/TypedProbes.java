package dev.jusdt.bench.probes;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

/** Typed probes of provider {@code bench}; {@code UsdtTypedProbes.INSTANCE} (generated) fires them. */
@UsdtProvider("bench")
public interface TypedProbes {

  /**
   * {@code bench:longs(a, b, c)}: three {@code long}s, the shape of the naive binding.
   *
   * @param a first argument
   * @param b second argument
   * @param c third argument
   */
  @UsdtProbe(name = "longs")
  void longs(long a, long b, long c);

  /**
   * {@code bench:text(a, b, text)}: the same with a {@code String} last, to price the string.
   *
   * @param a first argument
   * @param b second argument
   * @param text third argument, a C string to tracers
   */
  @UsdtProbe(name = "text")
  void text(long a, long b, String text);
}
