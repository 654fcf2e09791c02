package dev.jusdt.bench.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway Maven project with a given number of probes: half phase constants (each its own
 * probe, {@code args = 3}), half methods of a typed probe interface taking a {@code long} and a
 * {@code String}. With probes on, it has the processor and the plugin, as the README says; off,
 * the very same sources compile without them (the annotations alone are inert).
 */
final class SampleProject {

  private SampleProject() {}

  /**
   * Writes the project.
   *
   * @param directory an empty or absent directory
   * @param probes the number of probes, at least 2
   * @param withProbes whether the processor and the plugin are configured
   * @param version the jusdt version to use
   */
  static void write(Path directory, int probes, boolean withProbes, String version)
      throws IOException {
    Path sources = directory.resolve("src/main/java/sample");
    Files.createDirectories(sources);
    Files.writeString(directory.resolve("pom.xml"), pom(withProbes, version), StandardCharsets.UTF_8);
    int phases = probes / 2;
    StringBuilder constants = new StringBuilder()
        .append("package sample;\n\nimport dev.jusdt.annotations.UsdtProbe;\n\n")
        .append("public final class Phases {\n");
    for (int i = 0; i < phases; i++) {
      constants.append("  @UsdtProbe(provider = \"sample\", name = \"step").append(i)
          .append("-done\", args = 3)\n  public static final int PHASE_").append(i).append(" = ")
          .append(i).append(";\n");
    }
    constants.append("\n  private Phases() {}\n}\n");
    Files.writeString(sources.resolve("Phases.java"), constants, StandardCharsets.UTF_8);
    StringBuilder typed = new StringBuilder()
        .append("package sample;\n\nimport dev.jusdt.annotations.UsdtProbe;\n")
        .append("import dev.jusdt.annotations.UsdtProvider;\n\n")
        .append("@UsdtProvider(\"sample\")\npublic interface Events {\n");
    for (int i = phases; i < probes; i++) {
      typed.append("  @UsdtProbe(name = \"event").append(i).append("-fired\")\n  void event")
          .append(i).append("Fired(long id, String name);\n");
    }
    typed.append("}\n");
    Files.writeString(sources.resolve("Events.java"), typed, StandardCharsets.UTF_8);
  }

  private static String pom(boolean withProbes, String version) {
    String plugins = !withProbes ? "" : """
            <plugins>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId>
                <configuration>
                  <annotationProcessorPaths>
                    <path>
                      <groupId>dev.jusdt</groupId>
                      <artifactId>probe-processor</artifactId>
                      <version>${jusdt.version}</version>
                    </path>
                  </annotationProcessorPaths>
                  <compilerArgs>
                    <arg>-Ajusdt.library=sample</arg>
                  </compilerArgs>
                </configuration>
              </plugin>
              <plugin>
                <groupId>dev.jusdt</groupId>
                <artifactId>probe-maven-plugin</artifactId>
                <version>${jusdt.version}</version>
                <executions>
                  <execution>
                    <goals><goal>compile</goal><goal>verify</goal></goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
        """;
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>sample</groupId>
          <artifactId>sample</artifactId>
          <version>1</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
            <jusdt.version>%s</jusdt.version>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.jusdt</groupId>
              <artifactId>probe-runtime</artifactId>
              <version>${jusdt.version}</version>
            </dependency>
          </dependencies>
          <build>
            <pluginManagement>
              <plugins>
                <plugin>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <version>3.13.0</version>
                </plugin>
                <plugin>
                  <artifactId>maven-jar-plugin</artifactId>
                  <version>3.4.2</version>
                </plugin>
                <plugin>
                  <artifactId>maven-resources-plugin</artifactId>
                  <version>3.3.1</version>
                </plugin>
                <plugin>
                  <artifactId>maven-surefire-plugin</artifactId>
                  <version>3.5.2</version>
                </plugin>
              </plugins>
            </pluginManagement>
        %s  </build>
        </project>
        """.formatted(version, plugins);
  }
}
