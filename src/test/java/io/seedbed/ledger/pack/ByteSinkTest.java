package io.seedbed.ledger.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every compact form reads back exactly: the same double bits, instant and chars. */
class ByteSinkTest {
  @Test
  void decimalsReadBackToTheSameBits() {
    Random rnd = new Random(7);
    double[] edges = {0.0, -0.0, 1.0, -1.0, 0.1, 0.01, 2727885.15, 123962.75, 59.5, 1e15, -1e15,
        9.007199254740993E15, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1229, 714.3, 1.0 / 3};
    for (double v : edges) {
      assertThat(roundTrip(v)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
    }
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Math.round(rnd.nextDouble() * 1e10) / 100.0; // money with cents
        case 1 -> Math.round(rnd.nextGaussian() * 1e5) / 10.0;
        case 2 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 10);
        default -> Double.longBitsToDouble(rnd.nextLong());
      };
      assertThat(roundTrip(v)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
    }
  }

  @Test
  void moneyTakesFewerBytesThanADouble() {
    ByteSink out = new ByteSink();
    out.writeDecimal(2727885.15);
    assertThat(out.size()).isEqualTo(5);
    out = new ByteSink();
    out.writeDecimal(59.5);
    assertThat(out.size()).isEqualTo(2);
  }

  private static long roundTrip(double v) {
    ByteSink out = new ByteSink();
    out.writeDecimal(v);
    ByteSource in = new ByteSource(out.toByteArray());
    double back = in.readDecimal();
    assertThat(in.hasMore()).isFalse();
    return Double.doubleToRawLongBits(back);
  }

  @Test
  void instantsIntegersAndStringsReadBack() {
    Random rnd = new Random(11);
    ByteSink out = new ByteSink();
    Instant[] instants = new Instant[1000];
    long[] longs = new long[1000];
    String[] strings = new String[1000];
    for (int i = 0; i < 1000; i++) {
      instants[i] = Instant.ofEpochSecond(rnd.nextInt() * 4L, i % 3 == 0 ? rnd.nextInt(1_000_000_000) : 0);
      longs[i] = i % 2 == 0 ? rnd.nextLong() : rnd.nextInt(300) - 150;
      char[] chars = new char[rnd.nextInt(20)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) (c % 3 == 0 ? rnd.nextInt(0x10000) : 'a' + rnd.nextInt(26)); // lone surrogates too
      }
      strings[i] = new String(chars);
      out.writeInstant(instants[i], 946_656_000L);
      out.writeSignedVarLong(longs[i]);
      out.writeString(strings[i]);
      out.writeVarLong(Math.abs(longs[i] % 1000));
    }
    ByteSource in = new ByteSource(out.toByteArray());
    for (int i = 0; i < 1000; i++) {
      assertThat(in.readInstant(946_656_000L)).isEqualTo(instants[i]);
      assertThat(in.readSignedVarLong()).isEqualTo(longs[i]);
      assertThat(in.readString()).isEqualTo(strings[i]);
      assertThat(in.readVarLong()).isEqualTo(Math.abs(longs[i] % 1000));
    }
    assertThat(in.hasMore()).isFalse();
  }
}
