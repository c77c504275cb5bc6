package io.seedbed.ledger.pack;

import java.time.Instant;

/** Reads what {@link ByteSink} wrote, from a byte array. */
public final class ByteSource {
  private final byte[] buf;
  private int pos;

  public ByteSource(byte[] buf) {
    this.buf = buf;
  }

  public int position() {
    return pos;
  }

  public boolean hasMore() {
    return pos < buf.length;
  }

  public int readByte() {
    return buf[pos++] & 0xFF;
  }

  public long readVarLong() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  public int readVarInt() {
    return Math.toIntExact(readVarLong());
  }

  public long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  public int readSignedVarInt() {
    return Math.toIntExact(readSignedVarLong());
  }

  public double readRawDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits |= (long) (buf[pos++] & 0xFF) << (8 * i);
    }
    return Double.longBitsToDouble(bits);
  }

  public double readDecimal() {
    long v = readVarLong();
    int k = (int) (v & 7);
    if (k == ByteSink.RAW) {
      return readRawDouble();
    }
    long zigzag = v >>> 3;
    long c = (zigzag >>> 1) ^ -(zigzag & 1);
    return c / ByteSink.POW10[k];
  }

  public Instant readInstant(long baseSecond) {
    long v = readSignedVarLong();
    long seconds = baseSecond + (v >> 1);
    return Instant.ofEpochSecond(seconds, (v & 1) == 0 ? 0 : readVarLong());
  }

  public String readString() {
    int length = readVarInt();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      int b = buf[pos];
      if (b >= 0) {
        pos++;
        chars[i] = (char) b;
      } else {
        chars[i] = (char) readVarLong();
      }
    }
    return new String(chars);
  }
}
