package dev.jusdt.plugin.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the gcc command line for one library; pure, so the exact arguments are testable. */
final class GccCommandLine {

  /**
   * The flags every probe library is built with. {@code -fPIC -shared} for a JNI library; {@code
   * -O2} because the note's argument operands come from the optimised code, and that is the code
   * that ships; {@code -g0} keeps the library small, since tracers need only the note; {@code -z
   * noexecstack} because a JVM that loads a library asking for an executable stack tries to make
   * its own stacks executable and warns or fails doing so.
   */
  static final List<String> FLAGS =
      List.of("-std=gnu11", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra", "-g0",
          "-Wl,-z,noexecstack");

  private GccCommandLine() {}

  /**
   * The command line.
   *
   * @param compiler the compiler to run
   * @param jdkIncludes the JDK's {@code include} and {@code include/linux}
   * @param inputs the library's sources and include directories
   * @param output the library to write
   * @param userArguments the user's extra arguments, appended last so they can add libraries
   *     to link and override any earlier flag
   * @return program, fixed flags, {@code -I} directories, sources, {@code -o} output, user
   *     arguments
   */
  static List<String> build(
      CompilerCommand compiler,
      List<Path> jdkIncludes,
      LibraryInputs inputs,
      Path output,
      List<String> userArguments) {
    List<String> command = new ArrayList<>(compiler.prefix());
    command.addAll(FLAGS);
    for (Path include : jdkIncludes) {
      command.add("-I" + include);
    }
    for (Path include : inputs.includeDirectories()) {
      command.add("-I" + include);
    }
    for (Path source : inputs.sources()) {
      command.add(source.toString());
    }
    command.add("-o");
    command.add(output.toString());
    command.addAll(userArguments);
    return command;
  }
}
