package dev.jusdt.processor.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The macros one generated header defines, each of which must mean one thing: a probe's macros
 * ({@code APP_TICK}, {@code APP_TICK_ENABLED}, ...) and each phase constant's value ({@code
 * APP_PHASE_START}). Reports the later of two declarations that need one name, and any name that
 * the C around the header already defines.
 */
final class HeaderMacros {

  /** What a macro stands for: two claims with equal meanings are one definition. */
  private record Claim(String owner, String meaning) {}

  private final ErrorReporter errors;
  private final Map<String, Claim> claims = new HashMap<>();

  HeaderMacros(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * Claims a probe's macros.
   *
   * @param element where to report a clash
   * @param probe {@code provider:name}
   * @param macro the probe's macro
   * @param suffixes the suffixes of its companion macros, e.g. {@code _ENABLED}
   */
  void probe(Element element, String probe, String macro, Set<String> suffixes) {
    if (claim(element, macro, new Claim(probe, probe))) {
      for (String suffix : suffixes) {
        claim(element, macro + suffix, new Claim(probe, probe));
      }
    }
  }

  /**
   * Claims a phase constant's macro. Two constants of one value may share it.
   *
   * @param element the constant
   * @param elementName {@code pkg.Type#FIELD}
   * @param macro its macro
   * @param value its value
   */
  void constant(Element element, String elementName, String macro, long value) {
    claim(element, macro, new Claim("phase constant " + elementName, "= " + value));
  }

  /** Whether a macro names a phase constant. */
  boolean isConstant(String macro) {
    Claim claim = claims.get(macro);
    return claim != null && claim.meaning().startsWith("= ");
  }

  /** The declaration behind a macro. */
  String owner(String macro) {
    return claims.get(macro).owner();
  }

  private boolean claim(Element element, String macro, Claim claim) {
    if (macro.startsWith(CMacros.OWN_PREFIX)) {
      errors.error(
          element,
          "UsdtNameClash",
          "%s becomes the C macro %s, but names starting with %s belong to jusdt's own macros;"
              + " rename it",
          claim.owner(),
          macro,
          CMacros.OWN_PREFIX);
      return false;
    }
    if (CMacros.isDefined(macro)) {
      errors.error(
          element,
          "UsdtNameClash",
          "%s becomes the C macro %s, which the headers the generated C includes already define;"
              + " rename it",
          claim.owner(),
          macro);
      return false;
    }
    Claim first = claims.putIfAbsent(macro, claim);
    if (first != null && !first.meaning().equals(claim.meaning())) {
      errors.error(
          element,
          "UsdtNameClash",
          "%s and %s both become the C macro %s; rename one of them",
          first.owner(),
          claim.owner(),
          macro);
      return false;
    }
    return true;
  }
}
