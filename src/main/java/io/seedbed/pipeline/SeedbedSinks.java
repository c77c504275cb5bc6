package io.seedbed.pipeline;

import io.seedbed.io.OutputTable;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the output tables go: PostgreSQL, JSON lines, a test's collector, or several of them. */
public interface SeedbedSinks extends Serializable {
  <T> void write(OutputTable<T> table, DataStream<T> rows);

  /** Writes every table to each of {@code sinks}. */
  static SeedbedSinks all(List<SeedbedSinks> sinks) {
    return new SeedbedSinks() {
      private static final long serialVersionUID = 1L;

      @Override
      public <T> void write(OutputTable<T> table, DataStream<T> rows) {
        for (SeedbedSinks s : sinks) {
          s.write(table, rows);
        }
      }
    };
  }
}
