package dev.jusdt.runtime;

/**
 * An empty class for {@code ProbeLibrary.load(name, anchor)}: loaded through a test class loader,
 * it stands for a generated probe class whose loader sees the jar's native resources.
 */
public final class Anchor {
  private Anchor() {}
}
