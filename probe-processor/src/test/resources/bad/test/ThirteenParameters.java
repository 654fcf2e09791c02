package test;

import dev.jusdt.annotations.UsdtProbe;

public interface ThirteenParameters {
  @UsdtProbe(provider = "app", name = "many")
  void many(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j, long k, long l, long m); // expect: [UsdtArgsRange] probe method test.ThirteenParameters#many has 13 parameters; <sys/sdt.h> allows at most 12
}
