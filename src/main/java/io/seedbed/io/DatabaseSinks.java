package io.seedbed.io;

import io.seedbed.pipeline.SeedbedSinks;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Every output table to PostgreSQL through {@link ResilientJdbcSink} (at-least-once, outage-tolerant). */
public final class DatabaseSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  private final Database db;
  private final ResilientJdbcSink.Settings settings;

  public DatabaseSinks(Database db) {
    this(db, ResilientJdbcSink.Settings.defaults());
  }

  public DatabaseSinks(Database db, ResilientJdbcSink.Settings settings) {
    this.db = db;
    this.settings = settings;
  }

  @Override
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    rows.sinkTo(new ResilientJdbcSink<>(table, db, settings))
        .uid("sink-jdbc-" + table.name)
        .name("PostgreSQL " + table.name);
  }
}
