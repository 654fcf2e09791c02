package dev.jusdt.processor.model;

import java.util.List;

/**
 * A public method of a generated binding that fires one site, with its is-enabled companion.
 *
 * @param name the firing method, e.g. {@code probeBoottime}
 * @param enabledName the is-enabled method, e.g. {@code isProbeBoottimeEnabled}
 * @param nativeName the private native method behind it, e.g. {@code probeBoottime0}
 * @param probe the probe it fires
 * @param site the site it fires
 * @param params the Java parameters; for {@link PhaseLayout#PHASE_BOOTTIME} only the phase, the
 *     time being read in native code
 * @param boottime whether the native side adds {@code (tv_sec, tv_nsec)} of {@code CLOCK_BOOTTIME}
 */
public record BindingMethod(
    String name,
    String enabledName,
    String nativeName,
    Probe probe,
    Site site,
    List<Param> params,
    boolean boottime) {}
