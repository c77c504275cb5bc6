package io.seedbed.io;

import io.seedbed.pipeline.SeedbedSinks;
import java.nio.file.Path;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Every output table as JSON lines, one file per table ({@code --out DIR}). */
public final class JsonLinesSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  private final String dir;

  public JsonLinesSinks(Path dir) {
    this.dir = dir.toAbsolutePath().toString();
  }

  @Override
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    // One writer per file; each key's rows still arrive in order (one channel per key).
    rows.sinkTo(new JsonLinesSink<>(Path.of(dir), table))
        .setParallelism(1)
        .uid("sink-jsonl-" + table.name)
        .name("JSON lines " + table.name);
  }
}
