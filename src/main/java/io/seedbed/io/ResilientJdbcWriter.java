package io.seedbed.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link ResilientJdbcSink}: one connection, rows buffered in arrival order, one
 * transaction per batch, retried on failure. Everything runs in the task's mailbox thread (writes,
 * flushes before checkpoints and the flush timer), so no locking is needed.
 */
final class ResilientJdbcWriter<T> implements SinkWriter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ResilientJdbcWriter.class);

  private final OutputTable<T> table;
  private final Database db;
  private final ResilientJdbcSink.Settings settings;
  private final ProcessingTimeService timers;
  private final UnaryOperator<T> copier;
  private final String sql;
  private final List<T> buffer = new ArrayList<>();

  private Connection connection;
  private PreparedStatement statement;
  private boolean timerPending;
  private boolean closed;

  ResilientJdbcWriter(OutputTable<T> table, Database db, ResilientJdbcSink.Settings settings,
      WriterInitContext context) {
    this(table, db, settings, context.getProcessingTimeService(),
        context.isObjectReuseEnabled() ? copier(context) : UnaryOperator.identity());
  }

  /** {@code timers} may be null (no time-based flush); {@code copier} copies a row before buffering. */
  ResilientJdbcWriter(OutputTable<T> table, Database db, ResilientJdbcSink.Settings settings,
      ProcessingTimeService timers, UnaryOperator<T> copier) {
    this.table = table;
    this.db = db;
    this.settings = settings;
    this.timers = timers;
    this.copier = copier;
    this.sql = table.sql();
  }

  private static <T> UnaryOperator<T> copier(WriterInitContext context) {
    org.apache.flink.api.common.typeutils.TypeSerializer<T> serializer = context.createInputSerializer();
    return serializer::copy;
  }

  @Override
  public void write(T row, Context context) throws IOException, InterruptedException {
    buffer.add(copier.apply(row));
    if (buffer.size() >= settings.batchSize()) {
      flushBuffer();
    } else {
      scheduleFlush();
    }
  }

  /** Called before every checkpoint barrier and at end of input: nothing stays buffered. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    flushBuffer();
  }

  /**
   * Releases the connection. Never throws (stack.md G3): rows still buffered here belong to a
   * failed or cancelled attempt and are replayed from the last checkpoint.
   */
  @Override
  public void close() {
    closed = true;
    if (!buffer.isEmpty()) {
      LOG.info("{}: {} unflushed rows dropped on close; they are replayed from the last checkpoint",
          table.name, buffer.size());
      buffer.clear();
    }
    disconnect();
  }

  private void scheduleFlush() {
    if (timers == null || timerPending) {
      return;
    }
    timerPending = true;
    long at = timers.getCurrentProcessingTime() + settings.flushInterval().toMillis();
    timers.registerTimer(at, time -> {
      timerPending = false;
      if (!closed) {
        flushBuffer();
      }
    });
  }

  private void flushBuffer() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + settings.retryFor().toNanos();
    Duration backoff = settings.firstBackoff();
    int attempt = 1;
    while (true) {
      try {
        writeBatch();
        if (attempt > 1) {
          LOG.info("{}: wrote {} rows after {} attempts", table.name, buffer.size(), attempt);
        }
        buffer.clear();
        return;
      } catch (SQLException e) {
        disconnect();
        long left = deadline - System.nanoTime();
        if (!isTransient(e) || left <= 0) {
          throw new IOException(table.name + ": writing " + buffer.size() + " rows to " + db
              + " failed" + (isTransient(e) ? " for " + settings.retryFor() : "") + " ("
              + describe(e) + ")", e);
        }
        long sleep = Math.min(backoff.toMillis(), Math.max(1, left / 1_000_000));
        LOG.warn("{}: attempt {} to write {} rows failed ({}); retrying in {} ms, giving up in {} s",
            table.name, attempt, buffer.size(), describe(e), sleep, left / 1_000_000_000L);
        sleep(sleep);
        backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
            ? settings.maxBackoff() : backoff.multipliedBy(2);
        attempt++;
      }
    }
  }

  /** The buffer as one transaction: all rows or none, in arrival order. */
  private void writeBatch() throws SQLException {
    if (connection == null) {
      connection = db.connect();
      connection.setAutoCommit(false);
      statement = connection.prepareStatement(sql);
    }
    try {
      for (T row : buffer) {
        table.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
    } catch (RuntimeException | AssertionError e) {
      // pgjdbc can fail this way when the server vanishes mid-batch (with assertions on, an
      // AssertionError from BatchResultHandler): a lost connection, so retried like one.
      throw new SQLException("connection lost during the batch: " + e, "08006", e);
    }
  }

  /**
   * Errors worth waiting out: the connection or server went away (class 08, 57P operator
   * intervention such as a shutdown), resources ran short (53), or a transaction lost a race (40).
   * Anything else (a constraint, a type, a missing table) will not heal by retrying.
   */
  static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57P")
            || state.startsWith("53") || state.startsWith("40")) {
          return true;
        }
      }
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(SQLException e) {
    SQLException next = e.getNextException();
    String first = "SQLState " + e.getSQLState() + ": " + e.getMessage();
    return next == null ? first : first + "; " + next.getMessage();
  }

  private void sleep(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(table.name + ": interrupted while waiting for " + db);
    }
  }

  private void disconnect() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException ignored) {
        // the connection is broken or already gone; a new one is opened on the next attempt
      }
    }
    connection = null;
    statement = null;
  }
}
