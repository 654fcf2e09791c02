package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Semaphore reads, on a direct buffer standing in for a library's {@code .probes} array (a tracer
 * writes it as this test does, from outside the compiled code).
 */
class SemaphoresTest {

  private static final ByteBuffer MEMORY =
      ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

  // A constant, as in a generated class, so the JIT folds the address as it would there; with the
  // address, as a library reports it.
  private static final SemaphoreArray ARRAY = Semaphores.attach(MEMORY, addressOf(MEMORY), 4);

  /** What a library's {@code $semaphoresAddress()} reports for the buffer it hands out. */
  private static long addressOf(ByteBuffer direct) {
    return Runtime.version().feature() >= 24
        ? ForeignMemory.addressOf(direct)
        : UnsafeMemory.addressOf(direct);
  }

  /** JDK 24+: waits for the switch to the foreign memory read, which happens off this thread. */
  private static void awaitForeignReads() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!SemaphoreMemory.readsForeignMemory()) {
      assertThat(System.nanoTime()).as("switched to the foreign memory read").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void readsEachSemaphoreOfTheArray() {
    MEMORY.putShort(4, (short) 1);
    try {
      assertThat(Semaphores.isSet(ARRAY, 0)).isFalse();
      assertThat(Semaphores.isSet(ARRAY, 2)).isTrue();
      assertThat(Semaphores.isSet(ARRAY, 3)).isFalse();
    } finally {
      MEMORY.putShort(4, (short) 0);
    }
  }

  @Test
  void aCountAboveThe16BitSignRangeIsStillSet() {
    MEMORY.putShort(6, (short) 0x8000);
    try {
      assertThat(Semaphores.isSet(ARRAY, 3)).isTrue();
    } finally {
      MEMORY.putShort(6, (short) 0);
    }
  }

  @Test
  void aCompiledLoopSeesATracerAttachAndDetach() throws Exception {
    aLoopOnSemaphore1SeesAttachAndDetach();
  }

  private static void aLoopOnSemaphore1SeesAttachAndDetach() throws InterruptedException {
    SpinningLoop.seesAttachAndDetach(
        () -> Semaphores.isSet(ARRAY, 1), value -> MEMORY.putShort(2, (short) value));
  }


  @Test
  void fromJdk24ReadsMoveToTheForeignMemoryApiAndStillSeeEveryWrite() throws Exception {
    assumeTrue(
        Runtime.version().feature() >= 24,
        "JDK " + Runtime.version().feature() + " reads through sun.misc.Unsafe; run on JDK 24+"
            + " (-Djvm=.../bin/java) to test the foreign memory read");

    awaitForeignReads();

    assertThat(Semaphores.isSet(ARRAY, 2)).isFalse();
    MEMORY.putShort(4, (short) 3);
    try {
      assertThat(Semaphores.isSet(ARRAY, 2)).isTrue();
      assertThat(Semaphores.isSet(ARRAY, 1)).isFalse();
    } finally {
      MEMORY.putShort(4, (short) 0);
    }
    // Compiled anew after the switch, the loop still sees a tracer attach and detach.
    aLoopOnSemaphore1SeesAttachAndDetach();
  }

  @Test
  void anAddressThatIsNotTheBuffersIsAMismatchedLibrary() throws Exception {
    if (Runtime.version().feature() >= 24) {
      // Before the switch an address is checked by the switch (which then keeps the ByteBuffer
      // read for everyone); after it, at once.
      awaitForeignReads();
    }
    ByteBuffer other = ByteBuffer.allocateDirect(8);

    assertThatThrownBy(() -> Semaphores.attach(other, addressOf(other) + 4096, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reports its semaphores at 0x")
        .hasMessageContaining("rebuild the project");
  }

  @Test
  void noneIsNeverSet() {
    SemaphoreArray none = Semaphores.none(3);
    assertThat(Semaphores.isSet(none, 0)).isFalse();
    assertThat(Semaphores.isSet(none, 2)).isFalse();
  }

  @Test
  void anIndexOutsideTheArrayIsRefusedNotRead() {
    assertThatThrownBy(() -> Semaphores.isSet(ARRAY, 4))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Index 4 out of bounds for length 4");
    assertThatThrownBy(() -> Semaphores.isSet(ARRAY, -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void anArrayCannotBeMadeForMemoryNoLibraryHandedOut() {
    ByteBuffer other = ByteBuffer.allocateDirect(8);
    assertThatThrownBy(() -> new SemaphoreArray(other, ARRAY.address(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a semaphore array from Semaphores.attach");
    assertThatThrownBy(() -> new SemaphoreArray(ARRAY.buffer(), ARRAY.address() + 4096, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SemaphoreArray(ARRAY.buffer(), ARRAY.address(), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SemaphoreArray(null, 64, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SemaphoreArray(ARRAY.buffer(), ARRAY.address(), 2))
        .isEqualTo(new SemaphoreArray(ARRAY.buffer(), ARRAY.address(), 2));
  }

  @Test
  void theArrayCannotBeWrittenThroughItsBuffer() {
    assertThat(ARRAY.buffer().isReadOnly()).isTrue();
  }

  @Test
  void aBufferTooSmallForTheClassIsAMismatchedLibrary() {
    assertThatThrownBy(() -> Semaphores.attach(ByteBuffer.allocateDirect(4), 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected 3 semaphores, got 2")
        .hasMessageContaining("rebuild the project");
    assertThatThrownBy(() -> Semaphores.attach(ByteBuffer.allocate(8), 3))
        .isInstanceOf(IllegalStateException.class);
  }
}
