package dev.jusdt.haconiwa.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Container files as {@link ContainerFile#read} checked them, kept so that booting the same file
 * again skips the YAML: on JDK 25 with the start-up archive, reading and checking a file is ~11 ms
 * of a ~130 ms {@code haconiwa run}, nearly all of it snakeyaml-engine interpreted; a hit is one
 * more small file read.
 *
 * <p>An entry holds the file's absolute path, its whole text and this machine's architecture
 * (seccomp's system call numbers depend on it) next to the checked spec; it is used only when all
 * three are the ones of this read, so an edited file is read again whatever its time stamps say.
 * Only files that passed every check are kept. An entry that cannot be read or decoded is a miss
 * and is written again. The format is that of one build: the launcher gives each jar its own
 * directory and empties it when it writes a new start-up archive. Who can write the directory
 * decides what containers run, as with the start-up archives beside it: the launcher keeps both
 * in the user's own cache directory ({@code ~/.cache/haconiwa}, mode 700).
 */
public final class ContainerFileCache {

  /** The system property naming the directory; unset, there is no cache (plain {@code java}). */
  public static final String PROPERTY = "haconiwa.container.file.cache";

  private static final int MAGIC = 0x48434631; // "HCF1"

  /** How many files the cache keeps: their entries are ~1-2 KiB each. */
  static final int MAX_ENTRIES = 256;

  private final Path directory;

  /**
   * A cache in a directory, made when the first entry is written.
   *
   * @param directory where entries are kept
   */
  public ContainerFileCache(Path directory) {
    this.directory = directory;
  }

  /**
   * The cache {@value #PROPERTY} names, if it names one.
   *
   * @return the cache, or empty
   */
  public static Optional<ContainerFileCache> configured() {
    String directory = System.getProperty(PROPERTY, "");
    return directory.isEmpty() ? Optional.empty() : Optional.of(new ContainerFileCache(Path.of(directory)));
  }

  /**
   * Reads and checks a container file as {@link ContainerFile#read} does, from the cache when it
   * holds this file with this text.
   *
   * @param file the file
   * @param syscalls the number of a system call by name on this machine, -1 if unknown
   * @return the container
   * @throws IOException if the file cannot be read
   * @throws ContainerFileException naming every problem, with line and key
   */
  public ContainerSpec read(Path file, ToIntFunction<String> syscalls) throws IOException, ContainerFileException {
    byte[] text = Files.readAllBytes(file);
    String absolute = file.toAbsolutePath().toString();
    Path entry = directory.resolve(entryName(absolute));
    Optional<ContainerSpec> cached = lookUp(entry, absolute, text);
    if (cached.isPresent()) {
      return cached.get();
    }
    ContainerSpec spec = ContainerFile.parse(text, file, syscalls);
    store(entry, absolute, text, spec);
    return spec;
  }

  /** A name from the path; the entry itself says which file it is, so a collision only misses. */
  static String entryName(String absolutePath) {
    long hash = 1125899906842597L;
    for (int i = 0; i < absolutePath.length(); i++) {
      hash = 31 * hash + absolutePath.charAt(i);
    }
    return Long.toHexString(hash) + ".spec";
  }

  private static Optional<ContainerSpec> lookUp(Path entry, String absolute, byte[] text) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException e) {
      return Optional.empty(); // none yet, most often (NoSuchFileException)
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      SpecCodec.Reader header = new SpecCodec.Reader(in);
      if (header.intValue() != MAGIC
          || !header.string().equals(System.getProperty("os.arch"))
          || !header.string().equals(absolute)
          || !ByteBuffer.wrap(header.bytes()).equals(ByteBuffer.wrap(text))) {
        return Optional.empty();
      }
      ContainerSpec spec = SpecCodec.decode(in);
      return in.hasRemaining() ? Optional.empty() : Optional.of(spec);
    } catch (RuntimeException e) {
      return Optional.empty(); // damaged: read the file, and write the entry again
    }
  }

  private void store(Path entry, String absolute, byte[] text, ContainerSpec spec) {
    SpecCodec.Writer out = new SpecCodec.Writer();
    out.intValue(MAGIC);
    out.string(System.getProperty("os.arch"));
    out.string(absolute);
    out.bytes(text);
    SpecCodec.encode(spec, out);
    ByteBuffer bytes = out.written();
    Path partial = null;
    try {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      partial = Files.createTempFile(directory, "entry", ".tmp");
      Files.write(partial, Arrays.copyOfRange(bytes.array(), 0, bytes.limit()));
      Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      partial = null;
      // Read back as the next run will: an entry that does not give this spec again is dropped.
      // (Also, the run that trains the start-up archive, a miss, thereby loads the hit's classes.)
      if (!lookUp(entry, absolute, text).equals(Optional.of(spec))) {
        Files.deleteIfExists(entry);
      }
      trim(entry);
    } catch (IOException | RuntimeException e) {
      // Only a cache: the run goes on with the spec it has; the next one parses again.
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // a stray temporary file in the cache directory, harmless
        }
      }
    }
  }

  /**
   * Keeps the directory to {@link #MAX_ENTRIES}: past it, the entries written longest ago go,
   * down to three quarters of it (files booted once from temporary directories add up). Only
   * on a miss, which reads YAML anyway; {@code keep}, just written, stays.
   */
  private void trim(Path keep) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*.spec")) {
      for (Path entry : listing) {
        entries.add(entry);
      }
    }
    if (entries.size() <= MAX_ENTRIES) {
      return;
    }
    List<Map.Entry<FileTime, Path>> byAge = new ArrayList<>();
    for (Path entry : entries) {
      try {
        byAge.add(Map.entry(Files.getLastModifiedTime(entry), entry));
      } catch (IOException e) {
        // gone meanwhile: another runtime trims too
      }
    }
    byAge.sort(Map.Entry.comparingByKey());
    int excess = byAge.size() - MAX_ENTRIES * 3 / 4;
    for (int i = 0; i < byAge.size() && excess > 0; i++) {
      Path entry = byAge.get(i).getValue();
      if (!entry.equals(keep)) {
        Files.deleteIfExists(entry);
        excess--;
      }
    }
  }

  @Override
  public String toString() {
    return "ContainerFileCache[" + directory + "]";
  }
}
