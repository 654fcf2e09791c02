package dev.jusdt.plugin.list;

import dev.jusdt.elf.SdtArgument;
import dev.jusdt.plugin.manifest.ArgumentType;

/**
 * What a tracer needs to know to print an argument: its size, its sign, and whether it points to
 * a string.
 *
 * @param size the size in bytes
 * @param signed whether it is signed
 * @param string whether it is a {@code char *} to read as a NUL-terminated string
 */
record ArgumentShape(int size, boolean signed, boolean string) {

  /**
   * The shape of a declared type; only {@code String} is a string.
   *
   * @param type the manifest's type
   * @return its shape
   */
  static ArgumentShape of(ArgumentType type) {
    return new ArgumentShape(type.noteSize(), type.signed(), type == ArgumentType.STRING);
  }

  /**
   * The shape of a note argument, for probes the manifest does not describe: never a string,
   * since the note does not say whether 8 unsigned bytes are a pointer.
   *
   * @param argument the note's argument
   * @return its shape
   */
  static ArgumentShape of(SdtArgument argument) {
    return new ArgumentShape(argument.size() == 0 ? 8 : argument.size(), argument.signed(),
        false);
  }
}
