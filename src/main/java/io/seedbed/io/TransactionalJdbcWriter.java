package io.seedbed.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The writer of {@link TransactionalJdbcSink}: buffers rows in arrival order and, at each
 * checkpoint barrier (and at end of input), hands the whole buffer on as one committable. It never
 * touches the database, so a failed attempt leaves nothing behind. The buffer holds the rows of
 * one checkpoint interval.
 */
final class TransactionalJdbcWriter<T> implements CommittingSinkWriter<T, List<T>> {
  private final UnaryOperator<T> copier;
  private List<T> buffer = new ArrayList<>();

  TransactionalJdbcWriter(WriterInitContext context) {
    this(context.isObjectReuseEnabled() ? copier(context) : UnaryOperator.identity());
  }

  /** {@code copier} copies a row before buffering (needed when Flink reuses objects). */
  TransactionalJdbcWriter(UnaryOperator<T> copier) {
    this.copier = copier;
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
    List<T> batch = buffer;
    buffer = new ArrayList<>();
    return List.of(batch);
  }

  /** Rows still buffered belong to an unfinished checkpoint of a failed or cancelled attempt. */
  @Override
  public void close() {
    buffer.clear();
  }
}
