package io.seedbed.io;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes one {@link OutputTable} to PostgreSQL, at least once, and rides out database outages.
 *
 * <p>Why not flink-connector-jdbc: in 4.0.0-2.0 a SQL error that outlasts its retries makes the
 * writer's {@code close()} throw during task clean-up, which kills the whole TaskManager (stack.md
 * G3), and its retries span seconds, not a restart of PostgreSQL. This writer batches rows in
 * arrival order on one connection (so the order of changes to one key is kept), commits each batch
 * as one transaction, retries a failed batch with back-off and a fresh connection for
 * {@link Settings#retryFor}, and never throws from {@code close()}. Rows are flushed before every
 * checkpoint barrier, at end of input and every {@link Settings#flushInterval}; a replay after a
 * restart rewrites the same keys (upserts and insert-once), so the tables end up effectively once.
 */
public final class ResilientJdbcSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  /** Batching and retry settings. */
  public record Settings(int batchSize, Duration flushInterval, Duration retryFor,
      Duration firstBackoff, Duration maxBackoff) implements Serializable {

    public Settings {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      if (flushInterval.isNegative() || flushInterval.isZero()) {
        throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
      }
      if (retryFor.isNegative()) {
        throw new IllegalArgumentException("retryFor must not be negative, got " + retryFor);
      }
      if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
        throw new IllegalArgumentException("back-off must be positive and maxBackoff >= firstBackoff");
      }
    }

    /** Batches of 1000 rows or 200 ms; a database may be away for up to 5 minutes. */
    public static Settings defaults() {
      return new Settings(1000, Duration.ofMillis(200), Duration.ofMinutes(5),
          Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    public Settings withRetryFor(Duration newRetryFor) {
      return new Settings(batchSize, flushInterval, newRetryFor, firstBackoff, maxBackoff);
    }
  }

  private final OutputTable<T> table;
  private final Database db;
  private final Settings settings;

  public ResilientJdbcSink(OutputTable<T> table, Database db, Settings settings) {
    this.table = table;
    this.db = db;
    this.settings = settings;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    return new ResilientJdbcWriter<>(table, db, settings, context);
  }
}
