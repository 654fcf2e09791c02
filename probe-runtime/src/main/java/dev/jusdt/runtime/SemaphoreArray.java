package dev.jusdt.runtime;

import java.nio.ByteBuffer;

/**
 * The SDT semaphores of one loaded probe library, as a generated class holds them in a {@code
 * static final} field and hands them to {@link Semaphores#isSet}.
 *
 * <p>A record because the JIT trusts a record's fields to be final: held in a constant, its
 * address folds into the code, and {@link Semaphores#isSet} compiles to one 16-bit load from a
 * fixed address. Only {@link Semaphores#attach} and {@link Semaphores#none} make useful ones; the
 * constructor refuses any buffer they did not hand out, so no caller can make {@code isSet} read
 * arbitrary memory.
 *
 * @param buffer a read-only view of the library's {@code unsigned short} semaphore array, or
 *     {@code null} for a library that is not loaded (its probes are never enabled)
 * @param address where the array starts, where this JVM reads it by address; else 0
 * @param count the number of semaphores
 */
public record SemaphoreArray(ByteBuffer buffer, long address, int count) {

  /**
   * Checks that {@code buffer} is {@code null} or one {@link Semaphores#attach} handed out, with
   * its address, holding at least {@code count} semaphores.
   *
   * @throws IllegalArgumentException otherwise
   */
  public SemaphoreArray {
    if (count < 0
        || (buffer == null ? address != 0 : !Semaphores.attached(buffer, address, count))) {
      throw new IllegalArgumentException(
          "not a semaphore array from Semaphores.attach: " + buffer + " at address " + address
              + ", count " + count);
    }
  }

  // Written out: the generated ones would bootstrap java.lang.invoke on first use.

  @Override
  public boolean equals(Object other) {
    return other instanceof SemaphoreArray that
        && buffer == that.buffer
        && address == that.address
        && count == that.count;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(buffer) * 31 + count;
  }

  @Override
  public String toString() {
    return "SemaphoreArray[count=" + count + (buffer == null ? ", none]" : "]");
  }
}
