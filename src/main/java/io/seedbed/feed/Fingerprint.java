package io.seedbed.feed;

import java.time.Instant;

/**
 * A 64-bit fingerprint of a sequence of values, for state that remembers what a row showed without
 * keeping the row: MurmurHash3's 64-bit block step over the values as 64-bit words (a string's
 * 16-bit chars four to a word, after its length), then MurmurHash3's finalizer so that every input
 * bit reaches every output bit. The same values give the same print in any JVM (no identity or
 * seeded hashes), so a print kept in Flink state stays valid after a restore. Values that differ
 * give the same print with probability about 2^-64; callers say what a collision would cost.
 * Never 0, so that 0 can stand for "no print" in state written before a print was kept.
 *
 * <p>A word at a time, not a byte at a time (FNV-1a until session 6): the pools print every
 * criterion of every tracked pool on every record read back from RocksDB, and eight dependent
 * multiplications per number made that 6 % of a RocksDB job's samples. A print kept by an older
 * build differs from this one's for the same values; the callers then do what they do for a
 * changed row (render it again and compare its hash, or write one identical snapshot row).
 *
 * <p>Not a key ({@link Hashes} makes those): nothing outside the job sees a print.
 */
public final class Fingerprint {
  private static final long SEED = 0x9e3779b97f4a7c15L;
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h = SEED;
  private long words;

  /** MurmurHash3 x64's step for one 64-bit block. */
  private void mix(long k) {
    k *= C1;
    k = Long.rotateLeft(k, 31);
    k *= C2;
    long x = h ^ k;
    h = Long.rotateLeft(x, 27) * 5 + 0x52dce729;
    words++;
  }

  public Fingerprint add(long v) {
    mix(v);
    return this;
  }

  public Fingerprint add(int v) {
    return add((long) v);
  }

  public Fingerprint add(boolean v) {
    mix(v ? 1 : 2);
    return this;
  }

  /** A double by its bits: 0.0 and -0.0 differ, as their texts do; every NaN is one. */
  public Fingerprint add(double v) {
    return add(Double.doubleToLongBits(v));
  }

  /** A nullable number; null differs from every number. */
  public Fingerprint add(Double v) {
    add(v != null);
    return v == null ? this : add(v.doubleValue());
  }

  public Fingerprint add(Integer v) {
    add(v != null);
    return v == null ? this : add(v.intValue());
  }

  public Fingerprint add(Instant t) {
    add(t != null);
    return t == null ? this : add(t.getEpochSecond()).add(t.getNano());
  }

  /** A string, length first, so that no two sequences of strings run together alike; null apart. */
  public Fingerprint add(String s) {
    if (s == null) {
      return add(-1);
    }
    int n = s.length();
    add(n);
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      mix(s.charAt(k) | (long) s.charAt(k + 1) << 16 | (long) s.charAt(k + 2) << 32
          | (long) s.charAt(k + 3) << 48);
    }
    if (k < n) { // the last one to three chars, high bits zero: the length tells them apart
      long tail = 0;
      for (int shift = 0; k < n; k++, shift += 16) {
        tail |= (long) s.charAt(k) << shift;
      }
      mix(tail);
    }
    return this;
  }

  /** The print of the values added so far; never 0. */
  public long value() {
    long z = h ^ words;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z == 0 ? 1 : z;
  }
}
