package io.seedbed.io;

import io.seedbed.pipeline.SeedbedSinks;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Every output table to PostgreSQL through flink-connector-jdbc. */
public final class DatabaseSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  private final Database db;

  public DatabaseSinks(Database db) {
    this.db = db;
  }

  @Override
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    rows.sinkTo(JdbcSinks.sink(table, db))
        .uid("sink-jdbc-" + table.name)
        .name("PostgreSQL " + table.name);
  }
}
