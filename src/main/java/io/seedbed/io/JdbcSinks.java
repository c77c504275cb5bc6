package io.seedbed.io;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** JDBC sinks (flink-connector-jdbc, at-least-once; effectively once through deterministic keys). */
public final class JdbcSinks {
  private JdbcSinks() {}

  public static <T> JdbcSink<T> sink(OutputTable<T> table, Database db) {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder conn =
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(db.url)
            .withDriverName("org.postgresql.Driver");
    if (db.user != null) {
      conn.withUsername(db.user);
    }
    if (db.password() != null) {
      conn.withPassword(db.password());
    }
    return JdbcSink.<T>builder()
        .withQueryStatement(table.sql(), table::bind)
        .withExecutionOptions(JdbcExecutionOptions.builder()
            .withBatchSize(1000)
            .withBatchIntervalMs(200)
            .withMaxRetries(3)
            .build())
        .buildAtLeastOnce(conn.build());
  }
}
