package org.example.app;

import dev.jusdt.annotations.UsdtProbe;
import dev.jusdt.annotations.UsdtProvider;

@UsdtProvider("myapp")
public interface ServerProbes {
  @UsdtProbe(name = "request-start")
  void requestStart(long id, String path);

  @UsdtProbe(name = "every_type")
  void everyType(long l, int i, short s, byte b, char c, boolean z, String text);

  @UsdtProbe
  void tick();
}
