package dev.jusdt.runtime;

/**
 * The SDT semaphores of one loaded probe library, as a generated class holds them in a {@code
 * static final} field and hands them to {@link Semaphores#isSet}.
 *
 * <p>A record because the JIT trusts a record's fields to be final: held in a constant, its
 * address folds into the code, and {@link Semaphores#isSet} compiles to one 16-bit load from a
 * fixed address. Only {@link Semaphores#attach} and {@link Semaphores#none} make useful ones; the
 * constructor refuses any address they did not hand out, so no caller can make {@code isSet}
 * read arbitrary memory.
 *
 * @param address where the library's {@code unsigned short} semaphore array starts, or 0 for a
 *     library that is not loaded (its probes are never enabled)
 * @param count the number of semaphores
 */
public record SemaphoreArray(long address, int count) {

  /**
   * Checks that {@code address} is 0 or an array {@link Semaphores#attach} registered, holding at
   * least {@code count} semaphores.
   *
   * @throws IllegalArgumentException otherwise
   */
  public SemaphoreArray {
    if (count < 0 || (address != 0 && !Semaphores.covers(address, count))) {
      throw new IllegalArgumentException(
          "not a semaphore array from Semaphores.attach: address " + address + ", count " + count);
    }
  }

  // Written out: the generated ones would bootstrap java.lang.invoke on first use.

  @Override
  public boolean equals(Object other) {
    return other instanceof SemaphoreArray that
        && address == that.address
        && count == that.count;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(address) * 31 + count;
  }

  @Override
  public String toString() {
    return "SemaphoreArray[address=0x" + Long.toHexString(address) + ", count=" + count + "]";
  }
}
