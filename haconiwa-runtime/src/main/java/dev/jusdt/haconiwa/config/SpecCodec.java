package dev.jusdt.haconiwa.config;

import dev.jusdt.haconiwa.config.ContainerSpec.Capabilities;
import dev.jusdt.haconiwa.config.ContainerSpec.Cgroup;
import dev.jusdt.haconiwa.config.ContainerSpec.Hook;
import dev.jusdt.haconiwa.config.ContainerSpec.HookPoint;
import dev.jusdt.haconiwa.config.ContainerSpec.IdMapping;
import dev.jusdt.haconiwa.config.ContainerSpec.Mount;
import dev.jusdt.haconiwa.config.ContainerSpec.MountType;
import dev.jusdt.haconiwa.config.ContainerSpec.Rlimit;
import dev.jusdt.haconiwa.config.ContainerSpec.RootMode;
import dev.jusdt.haconiwa.config.ContainerSpec.Rootfs;
import dev.jusdt.haconiwa.config.ContainerSpec.Seccomp;
import dev.jusdt.haconiwa.config.ContainerSpec.User;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@link ContainerSpec} as bytes and back, for {@link ContainerFileCache}. Enums are written by
 * ordinal: the format is that of one build of the runtime, and the cache is kept per build.
 * Both directions use one {@link ByteBuffer}, so that the run that trains a start-up archive
 * (which only writes) also loads every class a later run needs to read. No lambda or method
 * reference: on JDK 17 the first one a boot runs links the method handle machinery, interpreted.
 */
final class SpecCodec {

  private SpecCodec() {}

  /**
   * Writes a spec after what {@code out} holds.
   *
   * @param spec the spec
   * @param out where to write
   */
  static void encode(ContainerSpec spec, Writer out) {
    out.string(spec.name());
    out.optionalString(spec.hostname());
    out.string(spec.rootfs().path().toString());
    out.ordinal(spec.rootfs().mode());
    out.bool(spec.rootfs().readonly());
    out.ordinals(spec.namespaces());
    idMap(spec.uidMap(), out);
    idMap(spec.gidMap(), out);
    out.count(spec.mounts());
    for (Mount mount : spec.mounts()) {
      out.ordinal(mount.type());
      out.optionalString(mount.source().isPresent() ? Optional.of(mount.source().get().toString()) : Optional.empty());
      out.string(mount.target());
      out.bool(mount.readonly());
      out.strings(mount.options());
    }
    Cgroup cgroup = spec.cgroup();
    out.string(cgroup.parent());
    out.optionalLong(cgroup.memoryBytes());
    out.optionalLong(cgroup.pids());
    out.optionalLong(cgroup.cpuShares());
    out.optionalLong(cgroup.cpuQuotaMicros());
    out.optionalLong(cgroup.cpuPeriodMicros());
    out.count(spec.rlimits());
    for (Rlimit rlimit : spec.rlimits()) {
      out.ordinal(rlimit.resource());
      out.longValue(rlimit.soft());
      out.longValue(rlimit.hard());
    }
    out.ordinal(spec.capabilities().mode());
    out.ordinals(spec.capabilities().listed());
    out.strings(spec.seccomp().deny());
    out.count(spec.seccomp().numbers());
    for (int number : spec.seccomp().numbers()) {
      out.intValue(number);
    }
    out.intValue(spec.seccomp().errno());
    out.bool(spec.user().isPresent());
    if (spec.user().isPresent()) {
      User user = spec.user().get();
      out.longValue(user.uid());
      out.longValue(user.gid());
      out.count(user.groups());
      for (long group : user.groups()) {
        out.longValue(group);
      }
    }
    out.bool(spec.noNewPrivileges());
    out.count(spec.env().entrySet());
    for (Map.Entry<String, String> variable : spec.env().entrySet()) {
      out.string(variable.getKey());
      out.string(variable.getValue());
    }
    out.optionalString(spec.workdir());
    out.strings(spec.command());
    out.count(spec.hooks());
    for (Hook hook : spec.hooks()) {
      out.ordinal(hook.at());
      out.intValue(hook.phase());
      out.optionalString(hook.text());
      out.optionalLong(hook.number());
      out.strings(hook.run());
    }
    out.string(spec.file().toString());
  }

  /**
   * Reads a spec {@link #encode} wrote.
   *
   * @param in positioned at the spec
   * @return the spec
   * @throws RuntimeException if the bytes are not one: {@link java.nio.BufferUnderflowException},
   *     {@link IndexOutOfBoundsException}, {@link IllegalArgumentException} and the like
   */
  static ContainerSpec decode(ByteBuffer in) {
    Reader r = new Reader(in);
    String name = r.string();
    Optional<String> hostname = r.optionalString();
    Rootfs rootfs = new Rootfs(Path.of(r.string()), r.ordinal(RootMode.values()), r.bool());
    Set<Namespace> namespaces = r.ordinals(Namespace.values());
    List<IdMapping> uidMap = idMap(r);
    List<IdMapping> gidMap = idMap(r);
    int mountCount = r.count();
    List<Mount> mounts = new ArrayList<>(mountCount);
    for (int i = 0; i < mountCount; i++) {
      MountType type = r.ordinal(MountType.values());
      Optional<String> source = r.optionalString();
      mounts.add(new Mount(type, source.isPresent() ? Optional.of(Path.of(source.get())) : Optional.empty(),
          r.string(), r.bool(), r.strings()));
    }
    Cgroup cgroup = new Cgroup(r.string(), r.optionalLong(), r.optionalLong(), r.optionalLong(),
        r.optionalLong(), r.optionalLong());
    int rlimitCount = r.count();
    List<Rlimit> rlimits = new ArrayList<>(rlimitCount);
    for (int i = 0; i < rlimitCount; i++) {
      rlimits.add(new Rlimit(r.ordinal(ResourceLimit.values()), r.longValue(), r.longValue()));
    }
    Capabilities capabilities = new Capabilities(r.ordinal(Capabilities.Mode.values()),
        r.ordinals(Capability.values()));
    List<String> deny = r.strings();
    int numberCount = r.count();
    List<Integer> numbers = new ArrayList<>(numberCount);
    for (int i = 0; i < numberCount; i++) {
      numbers.add(r.intValue());
    }
    Seccomp seccomp = new Seccomp(deny, numbers, r.intValue());
    Optional<User> user = Optional.empty();
    if (r.bool()) {
      long uid = r.longValue();
      long gid = r.longValue();
      int groupCount = r.count();
      List<Long> groups = new ArrayList<>(groupCount);
      for (int i = 0; i < groupCount; i++) {
        groups.add(r.longValue());
      }
      user = Optional.of(new User(uid, gid, groups));
    }
    boolean noNewPrivileges = r.bool();
    int envCount = r.count();
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < envCount; i++) {
      env.put(r.string(), r.string());
    }
    Optional<String> workdir = r.optionalString();
    List<String> command = r.strings();
    int hookCount = r.count();
    List<Hook> hooks = new ArrayList<>(hookCount);
    for (int i = 0; i < hookCount; i++) {
      hooks.add(new Hook(r.ordinal(HookPoint.values()), r.intValue(), r.optionalString(), r.optionalLong(),
          r.strings()));
    }
    Path file = Path.of(r.string());
    return new ContainerSpec(name, hostname, rootfs, namespaces, uidMap, gidMap, mounts, cgroup, rlimits,
        capabilities, seccomp, user, noNewPrivileges, env, workdir, command, hooks, file);
  }

  private static void idMap(List<IdMapping> map, Writer out) {
    out.count(map);
    for (IdMapping mapping : map) {
      out.longValue(mapping.inside());
      out.longValue(mapping.outside());
      out.longValue(mapping.count());
    }
  }

  private static List<IdMapping> idMap(Reader r) {
    int count = r.count();
    List<IdMapping> map = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      map.add(new IdMapping(r.longValue(), r.longValue(), r.longValue()));
    }
    return map;
  }

  /** Appends to a growing heap buffer. */
  static final class Writer {
    private ByteBuffer buffer = ByteBuffer.allocate(2048);

    /** The bytes written so far, as a buffer from 0 to the end of them. */
    ByteBuffer written() {
      return buffer.duplicate().flip();
    }

    void intValue(int value) {
      room(Integer.BYTES).putInt(value);
    }

    void longValue(long value) {
      room(Long.BYTES).putLong(value);
    }

    void bool(boolean value) {
      room(1).put((byte) (value ? 1 : 0));
    }

    void bytes(byte[] value) {
      intValue(value.length);
      room(value.length).put(value);
    }

    void string(String value) {
      bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void optionalString(Optional<String> value) {
      bool(value.isPresent());
      if (value.isPresent()) {
        string(value.get());
      }
    }

    void optionalLong(OptionalLong value) {
      bool(value.isPresent());
      if (value.isPresent()) {
        longValue(value.getAsLong());
      }
    }

    void count(Collection<?> values) {
      intValue(values.size());
    }

    void strings(List<String> values) {
      count(values);
      for (String value : values) {
        string(value);
      }
    }

    void ordinal(Enum<?> value) {
      intValue(value.ordinal());
    }

    void ordinals(Set<? extends Enum<?>> values) {
      count(values);
      for (Enum<?> value : values) {
        ordinal(value);
      }
    }

    private ByteBuffer room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
        larger.put(buffer.flip());
        buffer = larger;
      }
      return buffer;
    }
  }

  /** Reads what a {@link Writer} wrote, checking every count against what is left. */
  static final class Reader {
    private final ByteBuffer in;

    Reader(ByteBuffer in) {
      this.in = in;
    }

    int intValue() {
      return in.getInt();
    }

    long longValue() {
      return in.getLong();
    }

    boolean bool() {
      byte value = in.get();
      if (value != 0 && value != 1) {
        throw new IllegalArgumentException("not a boolean: " + value);
      }
      return value == 1;
    }

    int count() {
      int count = in.getInt();
      if (count < 0 || count > in.remaining()) {
        throw new IllegalArgumentException("bad count " + count);
      }
      return count;
    }

    byte[] bytes() {
      byte[] value = new byte[count()];
      in.get(value);
      return value;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Optional<String> optionalString() {
      return bool() ? Optional.of(string()) : Optional.empty();
    }

    OptionalLong optionalLong() {
      return bool() ? OptionalLong.of(longValue()) : OptionalLong.empty();
    }

    List<String> strings() {
      int count = count();
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(string());
      }
      return values;
    }

    <E extends Enum<E>> E ordinal(E[] values) {
      return values[in.getInt()];
    }

    <E extends Enum<E>> Set<E> ordinals(E[] values) {
      int count = count();
      Set<E> set = new HashSet<>();
      for (int i = 0; i < count; i++) {
        set.add(ordinal(values));
      }
      return set;
    }
  }
}
