package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ReservedProbeName {
  @UsdtProbe(provider = "app", name = "start-__x") // expect: [UsdtProbeName] probe name "start-__x" uses __x, an identifier C reserves for the compiler and its library
  void start();
}
