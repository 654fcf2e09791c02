package dev.jusdt.processor.model;

import java.util.Optional;

/** A probe argument's type, with how it travels through JNI and how the SDT note describes it. */
public enum ArgType {
  LONG("long", "jlong", "int64_t", 8, true),
  INT("int", "jint", "int32_t", 4, true),
  SHORT("short", "jshort", "int16_t", 2, true),
  BYTE("byte", "jbyte", "int8_t", 1, true),
  // char and boolean are unsigned in Java's own sense, and the note says so, so tracers widen them
  // with zeros.
  CHAR("char", "jchar", "uint16_t", 2, false),
  BOOLEAN("boolean", "jboolean", "uint8_t", 1, false),
  /** Crosses JNI as the UTF-8 bytes; the tracer sees a NUL-terminated {@code char *}. */
  STRING("String", "jstring", "const char *", 8, false);

  private final String javaName;
  private final String jniType;
  private final String cType;
  private final int noteSize;
  private final boolean signed;

  ArgType(String javaName, String jniType, String cType, int noteSize, boolean signed) {
    this.javaName = javaName;
    this.jniType = jniType;
    this.cType = cType;
    this.noteSize = noteSize;
    this.signed = signed;
  }

  /** The Java spelling, also the manifest's: {@code long}, ..., {@code String}. */
  public String javaName() {
    return javaName;
  }

  /** The JNI parameter type of the native method. */
  public String jniType() {
    return jniType;
  }

  /** The C type the probe macro receives, which fixes the note's size and sign. */
  public String cType() {
    return cType;
  }

  /** The argument's note format prefix, {@code -8} for {@code -8@%rax}. */
  public String noteFormat() {
    return (signed ? "-" : "") + noteSize;
  }

  /**
   * The argument type for a Java type name as javac spells it.
   *
   * @param typeName {@code long}, ..., or {@code java.lang.String}
   * @return the type, or empty if probes cannot take it
   */
  public static Optional<ArgType> forJavaType(String typeName) {
    for (ArgType type : values()) {
      if (type.javaName.equals(typeName)
          || (type == STRING && typeName.equals("java.lang.String"))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
