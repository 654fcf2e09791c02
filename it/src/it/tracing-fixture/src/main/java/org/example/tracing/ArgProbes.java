package org.example.tracing;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

/** Typed probes: 0 to 12 arguments, every integral type, strings, and the load tests' probes. */
@UsdtProvider("fixture")
public interface ArgProbes {
  @UsdtProbe
  void args0();

  @UsdtProbe
  void args1(long a1);

  @UsdtProbe
  void args2(long a1, long a2);

  @UsdtProbe
  void args3(long a1, long a2, long a3);

  @UsdtProbe
  void args4(long a1, long a2, long a3, long a4);

  @UsdtProbe
  void args5(long a1, long a2, long a3, long a4, long a5);

  @UsdtProbe
  void args6(long a1, long a2, long a3, long a4, long a5, long a6);

  @UsdtProbe
  void args7(long a1, long a2, long a3, long a4, long a5, long a6, long a7);

  @UsdtProbe
  void args8(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8);

  @UsdtProbe
  void args9(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9);

  @UsdtProbe
  void args10(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10);

  @UsdtProbe
  void args11(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10, long a11);

  @UsdtProbe
  void args12(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10, long a11, long a12);

  @UsdtProbe
  void types(int i, short s, byte b, char c, boolean z);

  @UsdtProbe
  void text(long id, String s);

  @UsdtProbe
  void hot(long i);

  @UsdtProbe
  void tick(int thread);
}
