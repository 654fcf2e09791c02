package org.example.app;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    HaconiwaProbes.probeBoottime(Phases.PHASE_START_SV);
    HaconiwaProbes.probeContainergen(Phases.PHASE_CONTAINER_START);
    HaconiwaProbes.probeMisc(Phases.PHASE_USER_1, -7L);
    HaconiwaProbes.probeMisc(Phases.PHASE_USER_1, "hello");
    ServerProbes probes = UsdtServerProbes.INSTANCE;
    probes.requestStart(1, "/index.html");
    probes.everyType(Long.MIN_VALUE, -1, (short) -2, (byte) -3, '\uffff', true, "ü");
    probes.tick();
    System.out.println("enabled=" + HaconiwaProbes.isProbeBoottimeEnabled());
  }
}
