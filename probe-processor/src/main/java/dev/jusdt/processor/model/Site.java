package dev.jusdt.processor.model;

import java.util.List;

/**
 * One firing site of a probe: a C macro in the generated header and, behind it, one entry of the
 * library's ELF note with these argument types.
 *
 * @param macro the C macro that fires it, e.g. {@code HACONIWA_PROBE_MISC_STR}
 * @param params the probe arguments in note order
 */
public record Site(String macro, List<Param> params) {

  /** The argument types, in note order. */
  public List<ArgType> types() {
    return params.stream().map(Param::type).toList();
  }
}
