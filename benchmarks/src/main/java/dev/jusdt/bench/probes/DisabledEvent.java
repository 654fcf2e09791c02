package dev.jusdt.bench.probes;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A JFR event with the naive binding's three {@code long}s, committed while JFR records nothing. */
@Name("dev.jusdt.bench.Disabled")
@Label("Disabled benchmark event")
public final class DisabledEvent extends Event {

  /** First value. */
  @Label("a")
  public long a;

  /** Second value. */
  @Label("b")
  public long b;

  /** Third value. */
  @Label("c")
  public long c;
}
