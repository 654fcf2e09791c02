package test;

import dev.jusdt.annotations.UsdtProbe;

public interface MacroClash {
  @UsdtProbe(provider = "app", name = "request-start")
  void dashed(long a);

  @UsdtProbe(provider = "app", name = "request_start")
  void underscored(long a); // expect: [UsdtNameClash] app:request-start and app:request_start both become the C macro APP_REQUEST_START
}
