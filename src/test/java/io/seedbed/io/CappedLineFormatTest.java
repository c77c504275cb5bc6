package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A hostile 10 MB line is cut at the cap while reading, never buffered whole. */
class CappedLineFormatTest {
  private static final int MB10 = 10 * 1024 * 1024;

  @Test
  void aTenMegabyteLineKeepsOnlyTheCapAndTheNextLineIsIntact() throws Exception {
    byte[] huge = new byte[MB10 + 1 + 10];
    Arrays.fill(huge, 0, MB10, (byte) 'x');
    huge[MB10] = '\n';
    System.arraycopy("{\"ok\":1}\r\n".getBytes(StandardCharsets.US_ASCII), 0, huge, MB10 + 1, 10);
    int cap = CappedLineFormat.DEFAULT_CAP_BYTES;
    CappedLineFormat.LineReader reader = new CappedLineFormat.LineReader(new ByteArrayInputStream(huge), cap);

    RawLine first = reader.read();
    assertThat(first.truncated).isTrue();
    assertThat(first.bytes).isEqualTo(MB10);
    assertThat(first.text.length()).isEqualTo(cap).isLessThanOrEqualTo(cap);

    RawLine second = reader.read();
    assertThat(second.truncated).isFalse();
    assertThat(second.text).isEqualTo("{\"ok\":1}");
    assertThat(second.bytes).isEqualTo(8);
    assertThat(reader.read()).isNull();
  }

  @Test
  void aLineExactlyAtTheCapIsNotTruncated() throws Exception {
    CappedLineFormat.LineReader reader = new CappedLineFormat.LineReader(
        new ByteArrayInputStream("abcd\nabcde\n".getBytes(StandardCharsets.US_ASCII)), 4);
    RawLine atCap = reader.read();
    assertThat(atCap.text).isEqualTo("abcd");
    assertThat(atCap.truncated).isFalse();
    RawLine over = reader.read();
    assertThat(over.text).isEqualTo("abcd");
    assertThat(over.truncated).isTrue();
    assertThat(over.bytes).isEqualTo(5);
  }

  /**
   * Against a from-scratch reference (one byte at a time, as the first version read): random
   * streams of short and over-long lines, CR LF endings, empty lines, multi-byte UTF-8, delivered
   * in reads of random size so lines straddle the reader's chunks.
   */
  @Test
  void chunkedReadingSplitsLinesExactlyAsAByteAtATimeReference() throws Exception {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int cap = 1 + random.nextInt(40);
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      int lines = random.nextInt(30);
      for (int l = 0; l < lines; l++) {
        int length = random.nextInt(4) == 0 ? random.nextInt(200_000) : random.nextInt(60);
        for (int b = 0; b < length; b++) {
          int kind = random.nextInt(20);
          stream.write(kind == 0 ? '\r' : kind == 1 ? 0xC3 : kind == 2 ? 0xA9 : 'a' + random.nextInt(26));
        }
        if (l < lines - 1 || random.nextBoolean()) {
          stream.write('\n');
        }
      }
      byte[] bytes = stream.toByteArray();
      List<String> expected = reference(bytes, cap);
      CappedLineFormat.LineReader reader = new CappedLineFormat.LineReader(
          new RandomReads(bytes, new Random(round)), cap);
      List<String> actual = new ArrayList<>();
      for (RawLine r = reader.read(); r != null; r = reader.read()) {
        actual.add(r.text + "|" + r.bytes + "|" + r.truncated);
      }
      assertThat(actual).as("round %d, cap %d", round, cap).isEqualTo(expected);
    }
  }

  private static List<String> reference(byte[] bytes, int cap) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < bytes.length) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      long total = 0;
      while (i < bytes.length && bytes[i] != '\n') {
        if (total < cap) {
          kept.write(bytes[i]);
        }
        total++;
        i++;
      }
      i++; // the newline, or past the end
      byte[] k = kept.toByteArray();
      int len = k.length;
      boolean truncated = total > cap;
      if (!truncated && len > 0 && k[len - 1] == '\r') {
        len--;
        total--;
      }
      out.add(new String(k, 0, len, StandardCharsets.UTF_8) + "|" + total + "|" + truncated);
    }
    return out;
  }

  /** An input stream that hands out its bytes in reads of random size (1 to 100,000 bytes). */
  private static final class RandomReads extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int pos;

    RandomReads(byte[] bytes, Random random) {
      this.bytes = bytes;
      this.random = random;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(100_000)), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
