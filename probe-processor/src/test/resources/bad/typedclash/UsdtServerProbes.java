package typedclash;

public final class UsdtServerProbes {}
