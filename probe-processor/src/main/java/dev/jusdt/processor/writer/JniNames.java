package dev.jusdt.processor.writer;

/** The C names JNI looks up for native methods (JNI specification, "Resolving Native Method Names"). */
final class JniNames {

  private JniNames() {}

  /** {@code Java_<mangled class>_<mangled method>}, the short form: generated natives are never overloaded. */
  static String function(String qualifiedClassName, String method) {
    return "Java_" + mangle(qualifiedClassName) + "_" + mangle(method);
  }

  static String mangle(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '/') {
        out.append('_');
      } else if (c == '_') {
        out.append("_1");
      } else if (c == ';') {
        out.append("_2");
      } else if (c == '[') {
        out.append("_3");
      } else if (c < 128 && Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append(String.format("_0%04x", (int) c));
      }
    }
    return out.toString();
  }
}
