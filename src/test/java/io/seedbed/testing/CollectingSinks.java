package io.seedbed.testing;

import io.seedbed.io.OutputTable;
import io.seedbed.pipeline.SeedbedSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Test sinks that collect every row written to each table, in a JVM-wide registry (MiniCluster
 * runs in the test's JVM). Each instance has its own id so tests do not see each other's rows.
 */
public final class CollectingSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Object>> ROWS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  @Override
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    rows.sinkTo(new CollectSink<T>(id + "/" + table.name))
        .uid("collect-" + table.name)
        .name("collect " + table.name);
  }

  /** Every row written to {@code table}, in arrival order (per writer). */
  @SuppressWarnings("unchecked")
  public <T> List<T> rows(OutputTable<T> table) {
    List<Object> rows = ROWS.getOrDefault(id + "/" + table.name, List.of());
    synchronized (rows) {
      return (List<T>) new ArrayList<>(rows);
    }
  }

  private static final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String key;

    CollectSink(String key) {
      this.key = key;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      List<Object> list = ROWS.computeIfAbsent(key, k -> new ArrayList<>());
      return new SinkWriter<T>() {
        @Override
        public void write(T element, Context context) {
          synchronized (list) {
            list.add(element);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
