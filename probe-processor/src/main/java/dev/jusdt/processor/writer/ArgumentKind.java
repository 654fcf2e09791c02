package dev.jusdt.processor.writer;

import dev.jusdt.processor.model.ArgType;
import dev.jusdt.processor.model.Probe;
import dev.jusdt.processor.model.Site;
import java.util.ArrayList;
import java.util.List;

/** How a trace script reads one probe argument, over every site that fires the probe. */
enum ArgumentKind {
  /** An integer at every site, widened to 64 bits as its note size and sign say. */
  NUMBER,
  /** A {@code char *} at every site. */
  STRING,
  /**
   * A number at some sites and a string at others ({@code probe-misc(phase, value)}); only the
   * firing site's note says which.
   */
  EITHER;

  /**
   * The kind of each argument of a probe.
   *
   * @param probe the probe
   * @return one kind per argument, in note order
   */
  static List<ArgumentKind> of(Probe probe) {
    List<ArgumentKind> kinds = new ArrayList<>();
    for (int i = 0; i < probe.argumentNames().size(); i++) {
      boolean string = false;
      boolean number = false;
      for (Site site : probe.sites()) {
        if (site.types().get(i) == ArgType.STRING) {
          string = true;
        } else {
          number = true;
        }
      }
      kinds.add(string && number ? EITHER : string ? STRING : NUMBER);
    }
    return kinds;
  }
}
