package dev.jusdt.example;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

@UsdtProvider("myapp")
public interface ServerProbes {
  @UsdtProbe(name = "request-start")
  void requestStart(long id, String path);

  @UsdtProbe
  void everyType(long l, int i, short s, byte b, char c, boolean z, String text);

  @UsdtProbe(name = "tick")
  void tick();
}
