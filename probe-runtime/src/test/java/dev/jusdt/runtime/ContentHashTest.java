package dev.jusdt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void matchesFips180Examples() {
    assertThat(ContentHash.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(ContentHash.sha256Hex(ascii("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(
            ContentHash.sha256Hex(
                ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void matchesMessageDigestAcrossEveryPaddingCase() throws Exception {
    MessageDigest reference = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    // 0..300 covers empty, one- and two-block padding (55/56 and 63/64 byte tails) several
    // times over; the large sizes are library-sized.
    for (int length = 0; length <= 300; length++) {
      assertSameAsReference(reference, randomBytes(random, length));
    }
    for (int length : new int[] {4095, 4096, 15056, 65536 + 57, 1 << 20}) {
      assertSameAsReference(reference, randomBytes(random, length));
    }
  }

  @Test
  void hexIsLowerCaseTwoDigitsPerByte() {
    assertThat(ContentHash.hex(new byte[] {0, 1, (byte) 0xab, (byte) 0xff})).isEqualTo("0001abff");
  }

  private static void assertSameAsReference(MessageDigest reference, byte[] bytes) {
    assertThat(ContentHash.sha256(bytes))
        .as("length %d", bytes.length)
        .isEqualTo(reference.digest(bytes));
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
