package dev.jusdt.plugin.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the gcc command lines for one library, one per source and one to link; pure, so the exact
 * arguments are testable.
 */
final class GccCommandLine {

  /**
   * The flags of the link. {@code -z noexecstack} because a JVM that loads a library asking for
   * an executable stack tries to make its own stacks executable and warns or fails doing so.
   */
  static final List<String> LINK_FLAGS = List.of("-shared", "-Wl,-z,noexecstack");

  private GccCommandLine() {}

  /**
   * The command line that compiles one source to an object.
   *
   * @param compiler the compiler to run
   * @param origin generated or hand-written, which decides the flags
   * @param jdkIncludes the JDK's {@code include} and {@code include/linux}
   * @param includeDirectories the library's own include directories
   * @param source the C file
   * @param object the object file to write
   * @param userArguments the user's extra arguments, appended last so they can override any
   *     earlier flag
   * @return program, fixed flags, {@code -I} directories, {@code -c} source, {@code -o} object,
   *     user arguments
   */
  static List<String> compile(
      CompilerCommand compiler,
      SourceOrigin origin,
      List<Path> jdkIncludes,
      List<Path> includeDirectories,
      Path source,
      Path object,
      List<String> userArguments) {
    List<String> command = new ArrayList<>(compiler.prefix());
    command.addAll(origin.flags());
    for (Path include : jdkIncludes) {
      command.add("-I" + include);
    }
    for (Path include : includeDirectories) {
      command.add("-I" + include);
    }
    command.add("-c");
    command.add(source.toString());
    command.add("-o");
    command.add(object.toString());
    command.addAll(userArguments);
    return command;
  }

  /**
   * The command line that links the objects into the library.
   *
   * @param compiler the compiler to run
   * @param objects the objects, in source order
   * @param output the library to write
   * @param userArguments the user's extra arguments, appended last so they can add libraries to
   *     link
   * @return program, link flags, objects, {@code -o} output, user arguments
   */
  static List<String> link(
      CompilerCommand compiler, List<Path> objects, Path output, List<String> userArguments) {
    List<String> command = new ArrayList<>(compiler.prefix());
    command.addAll(LINK_FLAGS);
    for (Path object : objects) {
      command.add(object.toString());
    }
    command.add("-o");
    command.add(output.toString());
    command.addAll(userArguments);
    return command;
  }
}
