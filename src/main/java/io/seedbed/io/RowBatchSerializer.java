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

  private final TypeSerializer<T> rows;

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
    DataOutputSerializer out = new DataOutputSerializer(64 * Math.max(1, batch.size()));
    out.writeInt(batch.size());
    for (T row : batch) {
      serializer.serialize(row, out);
    }
    return out.getCopyOfBuffer();
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
