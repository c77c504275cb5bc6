package io.seedbed.io;

import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The writer of {@link TransactionalJdbcSink}: buffers rows ({@link RowBuffer}: the last row per
 * key of a current-state table, so the committable of a checkpoint holds each enterprise's
 * snapshot once) and, at each
 * checkpoint barrier (and at end of input), hands the whole buffer on as one committable. It never
 * touches the database, so a failed attempt leaves nothing behind. The buffer holds the rows of
 * one checkpoint interval.
 */
final class TransactionalJdbcWriter<T> implements CommittingSinkWriter<T, List<T>> {
  private final UnaryOperator<T> copier;
  private final RowBuffer<T> buffer;

  TransactionalJdbcWriter(OutputTable<T> table, WriterInitContext context) {
    this(table, context.isObjectReuseEnabled() ? copier(context) : UnaryOperator.identity());
  }

  /** {@code copier} copies a row before buffering (needed when Flink reuses objects). */
  TransactionalJdbcWriter(OutputTable<T> table, UnaryOperator<T> copier) {
    this.copier = copier;
    this.buffer = new RowBuffer<>(table);
  }

  private static <T> UnaryOperator<T> copier(WriterInitContext context) {
    TypeSerializer<T> serializer = context.createInputSerializer();
    return serializer::copy;
  }

  @Override
  public void write(T row, Context context) {
    buffer.add(copier.apply(row));
  }

  /** Nothing to do: the rows leave through {@link #prepareCommit}, which Flink calls right after. */
  @Override
  public void flush(boolean endOfInput) {}

  /** The rows since the previous checkpoint as one committable, or none when there were none. */
  @Override
  public Collection<List<T>> prepareCommit() {
    if (buffer.isEmpty()) {
      return List.of();
    }
    return List.of(buffer.drain());
  }

  /** Rows still buffered belong to an unfinished checkpoint of a failed or cancelled attempt. */
  @Override
  public void close() {
    buffer.clear();
  }
}
