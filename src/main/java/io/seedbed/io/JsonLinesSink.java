package io.seedbed.io;

import io.seedbed.feed.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Appends the rows of one table to {@code DIR/TABLE.jsonl}, one JSON object per line with the
 * column names as keys. Run at parallelism 1: every row of one key comes through one channel, so
 * the file keeps each key's order and its last line for a key is the table's row (see
 * {@link JsonLinesFiles#compact}). A deleted row is written as {@code {"_deleted": true, key...}}.
 */
public final class JsonLinesSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final OutputTable<T> table;

  public JsonLinesSink(Path dir, OutputTable<T> table) {
    this.dir = dir.toAbsolutePath().toString();
    this.table = table;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    Path file = Paths.get(dir).resolve(table.name + ".jsonl");
    Files.createDirectories(file.getParent());
    return new Writer<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND), table);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final BufferedWriter out;
    private final OutputTable<T> table;

    Writer(BufferedWriter out, OutputTable<T> table) {
      this.out = out;
      this.table = table;
    }

    @Override
    public void write(T row, Context context) throws IOException {
      Map<String, Object> json = table.toJsonRow(row, Instant.now());
      if (table.isDelete != null && table.isDelete.test(row)) {
        json = JsonLinesFiles.deletion(table, json);
      }
      out.write(Json.MAPPER.writeValueAsString(json));
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
