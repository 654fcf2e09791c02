package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards start-up time: a lambda, a method reference, a {@code switch} on patterns, a record's
 * generated methods or {@code +} on strings compiled as {@code invokedynamic} would make the first
 * {@link ProbeLibrary#load} bootstrap {@code java.lang.invoke}, tens of milliseconds in a cold JVM.
 * The pom compiles concatenation inline; this keeps the rest out.
 */
class NoInvokedynamicTest {

  private static final int UTF8 = 1;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;

  @Test
  void runtimeClassesBootstrapNoInvokedynamic() throws Exception {
    Path classes = TestLibraries.mainClasses().resolve("dev/jusdt/runtime");
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        checked++;
        try (InputStream in = Files.newInputStream(file)) {
          if (usesDynamicConstants(new DataInputStream(in))) {
            offenders.add(file.getFileName().toString());
          }
        }
      }
    }

    assertThat(checked).isGreaterThan(10);
    assertThat(offenders).isEmpty();
  }

  /** Walks the constant pool (JVMS 4.4) looking for CONSTANT_Dynamic or InvokeDynamic. */
  private static boolean usesDynamicConstants(DataInputStream in) throws IOException {
    assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case UTF8:
          in.skipBytes(in.readUnsignedShort());
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
          in.skipBytes(4);
          break;
        case 5: // Long
        case 6: // Double: takes two slots
          in.skipBytes(8);
          i++;
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          in.skipBytes(2);
          break;
        case 15: // MethodHandle
          in.skipBytes(3);
          break;
        case DYNAMIC:
        case INVOKE_DYNAMIC:
          return true;
        default:
          throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return false;
  }
}
