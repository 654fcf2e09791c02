package dev.jusdt.processor.model;

/** How a generated binding class relates to the declarations it was made from. */
public enum BindingKind {
  /** A final class of static methods for phase constants, e.g. {@code HaconiwaProbes}. */
  PHASES,
  /** A final class implementing a probe interface, e.g. {@code UsdtServerProbes}. */
  IMPLEMENTS,
  /** A final class extending a probe abstract class. */
  EXTENDS
}
