package io.seedbed.feed;

import java.time.Instant;

/**
 * A 64-bit fingerprint of a sequence of values, for state that remembers what a row showed without
 * keeping the row: FNV-1a over the values' bytes (a string's 16-bit chars one at a time), then
 * MurmurHash3's finalizer so that every input
 * bit reaches every output bit. The same values give the same print in any JVM (no identity or
 * seeded hashes), so a print kept in Flink state stays valid after a restore. Values that differ
 * give the same print with probability about 2^-64; callers say what a collision would cost.
 * Never 0, so that 0 can stand for "no print" in state written before a print was kept.
 *
 * <p>Not a key ({@link Hashes} makes those): nothing outside the job sees a print.
 */
public final class Fingerprint {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private long h = FNV_OFFSET;

  public Fingerprint add(long v) {
    for (int k = 0; k < 8; k++) {
      h = (h ^ (v & 0xff)) * FNV_PRIME;
      v >>>= 8;
    }
    return this;
  }

  public Fingerprint add(int v) {
    return add((long) v);
  }

  public Fingerprint add(boolean v) {
    h = (h ^ (v ? 1 : 2)) * FNV_PRIME;
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
    add(s.length());
    long x = h;
    for (int k = 0; k < s.length(); k++) {
      x = (x ^ s.charAt(k)) * FNV_PRIME; // a char at a time: the final mix spreads its high byte
    }
    h = x;
    return this;
  }

  /** The print of the values added so far; never 0. */
  public long value() {
    long z = h;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z == 0 ? 1 : z;
  }
}
