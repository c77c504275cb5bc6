package io.seedbed.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Serializes a committable of {@link TransactionalJdbcSink} (a list of rows) into the committer's
 * checkpointed state: a row count, then each row with the row type's Flink serializer.
 *
 * <p>Version 1. The bytes depend on the row class's fields: a change to an output row class must
 * not be deployed onto a checkpoint that still holds uncommitted batches (take a savepoint after the
 * last commit, e.g. {@code flink stop}, which commits everything before it ends).
 */
final class RowBatchSerializer<T> implements SimpleVersionedSerializer<List<T>> {
  static final int VERSION = 1;
  private static final int PRUNE_BYTES = 5 << 20;

  private final TypeSerializer<T> rows;
  /**
   * One growing buffer per thread, kept between checkpoints: a batch holds up to a checkpoint's
   * rows (megabytes of snapshots and criteria JSON), and a fresh buffer grown by doubling was 10 %
   * of the job's allocation in the throughput bench. Dropped after a batch beyond 5 MB.
   */
  private final ThreadLocal<DataOutputSerializer> buffers =
      ThreadLocal.withInitial(() -> new DataOutputSerializer(64 * 1024));

  RowBatchSerializer(TypeSerializer<T> rows) {
    this.rows = rows;
  }

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(List<T> batch) throws IOException {
    TypeSerializer<T> serializer = rows.duplicate(); // serializers may keep state; keep them per call
    DataOutputSerializer out = buffers.get();
    out.clear();
    try {
      out.writeInt(batch.size());
      for (T row : batch) {
        serializer.serialize(row, out);
      }
      return out.getCopyOfBuffer();
    } finally {
      if (out.getSharedBuffer().length > PRUNE_BYTES) {
        buffers.remove(); // a rare large batch (catching up after an outage) does not stay resident
      }
    }
  }

  @Override
  public List<T> deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("PostgreSQL sink committable: unknown serializer version " + version
          + " (this build reads version " + VERSION + ")");
    }
    TypeSerializer<T> serializer = rows.duplicate();
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int size = in.readInt();
    List<T> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      batch.add(serializer.deserialize(in));
    }
    return batch;
  }
}
