package io.seedbed.ledger.pack;

import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the compact forms of {@link ByteSource}: variable-length integers, decimals as scaled
 * integers, instants as offsets from a base, strings as chars. Every form reads back exactly
 * (the same double bits, the same chars, the same instant).
 */
public final class ByteSink {
  /** 10^k for the decimal scales tried, as doubles: a decimal is written as an integer ÷ 10^k. */
  static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  /** The scale code that says "8 raw bytes follow". */
  static final int RAW = 7;
  /** Scaled integers at most this big (so that ×8 fits a long and the integer is exact as a double). */
  private static final long MAX_SCALED = 1L << 53;

  private byte[] buf;
  private int size;

  public ByteSink() {
    this(32);
  }

  public ByteSink(int capacity) {
    buf = new byte[capacity];
  }

  public int size() {
    return size;
  }

  /** Empties the sink, keeping its buffer: a scratch sink written again and again. */
  void clear() {
    size = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Appends the first {@code length} bytes of this sink to {@code out} at {@code at}. */
  void copyTo(byte[] out, int at) {
    System.arraycopy(buf, 0, out, at, size);
  }

  public void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void writeBytes(byte[] src, int from, int length) {
    ensure(length);
    System.arraycopy(src, from, buf, size, length);
    size += length;
  }

  /** A long read as unsigned, in 7-bit groups, low first (LEB128): 1 byte below 128. */
  public void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Any long, small magnitudes small (zigzag, then {@link #writeVarLong}). */
  public void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  public void writeRawDouble(double v) {
    long bits = Double.doubleToRawLongBits(v);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /**
   * A double, as the integer c and smallest scale k (≤ 6) with c ÷ 10^k giving back exactly its
   * bits, e.g. 2727885.15 as 272788515 and 2: {@code zigzag(c) × 8 + k}, 5 bytes here; else
   * scale code 7 and its 8 raw bytes (-0.0, NaN, long fractions).
   */
  public void writeDecimal(double v) {
    long bits = Double.doubleToRawLongBits(v);
    for (int k = 0; k < POW10.length; k++) {
      double scaled = v * POW10[k];
      if (Math.abs(scaled) < MAX_SCALED) {
        long c = Math.round(scaled);
        if (Double.doubleToRawLongBits(c / POW10[k]) == bits) {
          writeVarLong(((c << 1) ^ (c >> 63)) << 3 | k);
          return;
        }
      }
    }
    writeVarLong(RAW);
    writeRawDouble(v);
  }

  /** An instant as seconds from {@code baseSecond}, then its nanoseconds if any. */
  public void writeInstant(Instant t, long baseSecond) {
    int nanos = t.getNano();
    long delta = Math.subtractExact(t.getEpochSecond(), baseSecond);
    writeSignedVarLong(Math.addExact(Math.multiplyExact(delta, 2), nanos == 0 ? 0 : 1));
    if (nanos != 0) {
      writeVarLong(nanos);
    }
  }

  /** A string as its length and its chars (each a variable-length integer): exact for any chars. */
  public void writeString(String s) {
    writeVarLong(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        writeByte(c);
      } else {
        writeVarLong(c);
      }
    }
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
