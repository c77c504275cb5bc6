package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
}
