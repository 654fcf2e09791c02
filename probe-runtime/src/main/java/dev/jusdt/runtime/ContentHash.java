package dev.jusdt.runtime;

/**
 * The SHA-256 of a library's bytes, in hex: the name of the directory it is extracted to, and the
 * same string {@code sha256sum} prints for the extracted file.
 *
 * <p>Written out (FIPS 180-4) rather than taken from {@code MessageDigest} for start-up time: the
 * first {@code MessageDigest.getInstance} in a JVM initialises the JCA provider framework, which
 * measured 20-40 ms on JDK 17 and 30-50 ms on JDK 25, most of the 50 ms budget for loading a
 * library; this code hashes a 15 KB library in about 5 ms in the interpreter. Tests check it
 * against {@code MessageDigest}. Correctness does not rest on it: an existing file is trusted only
 * after a byte-for-byte comparison with the jar's copy.
 */
final class ContentHash {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private ContentHash() {}

  /** Lower-case hex SHA-256 of {@code bytes}. */
  static String sha256Hex(byte[] bytes) {
    return hex(sha256(bytes));
  }

  static byte[] sha256(byte[] message) {
    int[] state = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    int[] schedule = new int[64];
    int whole = message.length & ~63;
    for (int offset = 0; offset < whole; offset += 64) {
      compress(state, schedule, message, offset);
    }
    // The tail, the 0x80 terminator and the 64-bit bit length fill one or two more blocks.
    int tail = message.length - whole;
    byte[] last = new byte[tail < 56 ? 64 : 128];
    System.arraycopy(message, whole, last, 0, tail);
    last[tail] = (byte) 0x80;
    long bits = (long) message.length << 3;
    for (int i = 0; i < 8; i++) {
      last[last.length - 1 - i] = (byte) (bits >>> (i << 3));
    }
    for (int offset = 0; offset < last.length; offset += 64) {
      compress(state, schedule, last, offset);
    }
    byte[] digest = new byte[32];
    for (int i = 0; i < 32; i++) {
      digest[i] = (byte) (state[i >> 2] >>> (24 - ((i & 3) << 3)));
    }
    return digest;
  }

  private static void compress(int[] state, int[] w, byte[] block, int offset) {
    for (int t = 0; t < 16; t++) {
      int j = offset + (t << 2);
      w[t] =
          (block[j] << 24)
              | ((block[j + 1] & 0xff) << 16)
              | ((block[j + 2] & 0xff) << 8)
              | (block[j + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int x = w[t - 15];
      int y = w[t - 2];
      int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
      int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t++) {
      int t1 =
          h
              + (Integer.rotateRight(e, 6)
                  ^ Integer.rotateRight(e, 11)
                  ^ Integer.rotateRight(e, 25))
              + ((e & f) ^ (~e & g))
              + K[t]
              + w[t];
      int t2 =
          (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
              + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
