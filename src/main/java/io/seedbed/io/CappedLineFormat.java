package io.seedbed.io;

import io.seedbed.feed.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads UTF-8 lines like Flink's TextLineInputFormat, but keeps at most {@code capBytes} of a
 * line: the rest is skipped up to the next newline. Flink's own format buffers a whole line, so
 * one endless line could exhaust the heap; here memory per reader is bounded.
 */
public final class CappedLineFormat extends SimpleStreamFormat<RawLine> {
  private static final long serialVersionUID = 1L;

  /** Bytes kept of an over-long line: enough for the rejected record's raw excerpt. */
  public static final int DEFAULT_CAP_BYTES = Json.MAX_LINE_CHARS * 4;

  private final int capBytes;

  public CappedLineFormat() {
    this(DEFAULT_CAP_BYTES);
  }

  public CappedLineFormat(int capBytes) {
    this.capBytes = capBytes;
  }

  @Override
  public StreamFormat.Reader<RawLine> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(new BufferedInputStream(stream, 64 * 1024), capBytes);
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }

  /** Splits a byte stream into capped lines; a lone trailing newline ends the file, not a line. */
  static final class LineReader implements StreamFormat.Reader<RawLine> {
    private final InputStream in;
    private final int capBytes;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

    LineReader(InputStream in, int capBytes) {
      this.in = in;
      this.capBytes = capBytes;
    }

    @Override
    public RawLine read() throws IOException {
      buf.reset();
      long total = 0;
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (total < capBytes) {
          buf.write(b);
        }
        total++;
      }
      if (b == -1 && total == 0) {
        return null;
      }
      byte[] bytes = buf.toByteArray();
      int len = bytes.length;
      boolean truncated = total > capBytes;
      if (!truncated && len > 0 && bytes[len - 1] == '\r') {
        len--;
        total--;
      }
      return new RawLine(new String(bytes, 0, len, StandardCharsets.UTF_8), total, truncated);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
