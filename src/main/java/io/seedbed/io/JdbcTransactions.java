package io.seedbed.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a list of rows of one {@link OutputTable} as ONE transaction (all rows or none, in list
 * order) on a reused connection, and waits out a database outage: a failed transaction is retried
 * on a fresh connection with back-off for {@link ResilientJdbcSink.Settings#retryFor}. Shared by
 * the direct writer ({@link ResilientJdbcWriter}) and the committer of the transactional sink
 * ({@link JdbcBatchCommitter}). Not thread-safe: each owner calls it from its task thread.
 */
final class JdbcTransactions<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

  private final OutputTable<T> table;
  private final Database db;
  private final ResilientJdbcSink.Settings settings;
  private final String sql;

  private Connection connection;
  private PreparedStatement statement;

  JdbcTransactions(OutputTable<T> table, Database db, ResilientJdbcSink.Settings settings) {
    this.table = table;
    this.db = db;
    this.settings = settings;
    this.sql = table.sql();
  }

  /**
   * Commits {@code rows} as one transaction, retrying transient errors until the retry window is
   * spent. Throws when the error cannot heal or the window is over; nothing of {@code rows} is then
   * committed.
   */
  void write(List<T> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + settings.retryFor().toNanos();
    Duration backoff = settings.firstBackoff();
    int attempt = 1;
    while (true) {
      try {
        writeOnce(rows);
        if (attempt > 1) {
          LOG.info("{}: wrote {} rows after {} attempts", table.name, rows.size(), attempt);
        }
        return;
      } catch (SQLException e) {
        disconnect();
        long left = deadline - System.nanoTime();
        if (!isTransient(e) || left <= 0) {
          throw new IOException(table.name + ": writing " + rows.size() + " rows to " + db
              + " failed" + (isTransient(e) ? " for " + settings.retryFor() : "") + " ("
              + describe(e) + ")", e);
        }
        long sleep = Math.min(backoff.toMillis(), Math.max(1, left / 1_000_000));
        LOG.warn("{}: attempt {} to write {} rows failed ({}); retrying in {} ms, giving up in {} s",
            table.name, attempt, rows.size(), describe(e), sleep, left / 1_000_000_000L);
        sleep(sleep);
        backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
            ? settings.maxBackoff() : backoff.multipliedBy(2);
        attempt++;
      }
    }
  }

  /** The rows as one transaction; JDBC batches of {@code batchSize} keep the driver's memory flat. */
  private void writeOnce(List<T> rows) throws SQLException {
    if (connection == null) {
      connection = db.connect();
      connection.setAutoCommit(false);
      statement = connection.prepareStatement(sql);
    }
    try {
      int pending = 0;
      for (T row : rows) {
        table.bind(statement, row);
        statement.addBatch();
        if (++pending == settings.batchSize()) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
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

  /** Releases the connection; never throws (stack.md G3). */
  @Override
  public void close() {
    disconnect();
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
