package io.seedbed.io;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link ResilientJdbcSink}: one connection, rows buffered ({@link RowBuffer}: the
 * last row per key of a current-state table), one transaction per batch, retried on failure ({@link JdbcTransactions}). Everything runs in the
 * task's mailbox thread (writes, flushes before checkpoints and the flush timer), so no locking is
 * needed.
 */
final class ResilientJdbcWriter<T> implements SinkWriter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ResilientJdbcWriter.class);

  private final OutputTable<T> table;
  private final ResilientJdbcSink.Settings settings;
  private final ProcessingTimeService timers;
  private final UnaryOperator<T> copier;
  private final JdbcTransactions<T> transactions;
  private final RowBuffer<T> buffer;

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
    this.settings = settings;
    this.timers = timers;
    this.copier = copier;
    this.transactions = new JdbcTransactions<>(table, db, settings);
    this.buffer = new RowBuffer<>(table);
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
    transactions.close();
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

  private void flushBuffer() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    transactions.write(buffer.drain());
  }
}
