package dev.jusdt.plugin.manifest;

import java.util.Optional;

/**
 * A probe argument type as the manifest spells it, with the size and signedness sys/sdt.h writes
 * into the note for it ({@code -8@%rax}: 8 bytes, signed).
 */
public enum ArgumentType {
  /** {@code jlong}, {@code -8@}. */
  LONG("long", 8, true),
  /** {@code jint}, {@code -4@}. */
  INT("int", 4, true),
  /** {@code jshort}, {@code -2@}. */
  SHORT("short", 2, true),
  /** {@code jbyte}, {@code -1@}. */
  BYTE("byte", 1, true),
  /** {@code jchar}, {@code 2@}: UTF-16 units are unsigned, so tracers widen them with zeros. */
  CHAR("char", 2, false),
  /** {@code jboolean}, {@code 1@}. */
  BOOLEAN("boolean", 1, false),
  /** A NUL-terminated UTF-8 {@code char *}, {@code 8@}. */
  STRING("String", 8, false);

  private final String manifestName;
  private final int noteSize;
  private final boolean signed;

  ArgumentType(String manifestName, int noteSize, boolean signed) {
    this.manifestName = manifestName;
    this.noteSize = noteSize;
    this.signed = signed;
  }

  /**
   * The type for a manifest name.
   *
   * @param name {@code long}, {@code int}, ..., {@code String}, case-sensitive
   * @return the type, or empty for a name the manifest format does not define
   */
  public static Optional<ArgumentType> forManifestName(String name) {
    for (ArgumentType type : values()) {
      if (type.manifestName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * The manifest's spelling.
   *
   * @return {@code long}, ..., {@code String}
   */
  public String manifestName() {
    return manifestName;
  }

  /**
   * The size sys/sdt.h writes in the note.
   *
   * @return 1, 2, 4 or 8 bytes
   */
  public int noteSize() {
    return noteSize;
  }

  /**
   * Whether the note marks the argument signed (a leading {@code -}).
   *
   * @return true for {@code long}, {@code int}, {@code short} and {@code byte}
   */
  public boolean signed() {
    return signed;
  }

  /**
   * The note's size prefix, as {@code readelf -n} shows it before the {@code @}.
   *
   * @return e.g. {@code -8} or {@code 2}
   */
  public String noteFormat() {
    return (signed ? "-" : "") + noteSize;
  }
}
