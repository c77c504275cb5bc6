package io.seedbed.io;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Serializes a committable of {@link TransactionalJdbcSink} (a list of rows) into the committer's
 * checkpointed state: a row count, then each row with the row type's Flink serializer, its String
 * fields as UTF-8 in one copy ({@link Utf8StringSerializer}).
 *
 * <p>Version 2 (version 1, the plain Flink serializer with its char-at-a-time strings, is still
 * read, so a checkpoint of an older build commits its batches). The bytes depend on the row class's
 * fields: a change to an output row class must not be deployed onto a checkpoint that still holds
 * uncommitted batches (take a savepoint after the last commit, e.g. {@code flink stop}, which
 * commits everything before it ends).
 */
final class RowBatchSerializer<T> implements SimpleVersionedSerializer<List<T>> {
  static final int VERSION = 2;
  private static final int PRUNE_BYTES = 5 << 20;

  /** Version 2: the row type's serializer with {@link Utf8StringSerializer} for String fields. */
  private final TypeSerializer<T> rows;
  /** Version 1: the row type's own serializer. */
  private final TypeSerializer<T> rowsV1;
  /**
   * One growing buffer per thread, kept between checkpoints: a batch holds up to a checkpoint's
   * rows (megabytes of snapshots and criteria JSON), and a fresh buffer grown by doubling was 10 %
   * of the job's allocation in the throughput bench. Dropped after a batch beyond 5 MB.
   */
  private final ThreadLocal<DataOutputSerializer> buffers =
      ThreadLocal.withInitial(() -> new DataOutputSerializer(64 * 1024));

  RowBatchSerializer(TypeInformation<T> rowType) {
    // The job's own serializer config is not reachable from a sink; the row classes are POJOs,
    // which the default config serializes without Kryo.
    SerializerConfig config = new SerializerConfigImpl();
    this.rowsV1 = rowType.createSerializer(config);
    this.rows = withUtf8Strings(rowType, config);
  }

  /** A POJO's serializer as Flink makes it, but with {@link Utf8StringSerializer} for its Strings. */
  static <T> TypeSerializer<T> withUtf8Strings(TypeInformation<T> type, SerializerConfig config) {
    if (!(type instanceof PojoTypeInfo<T> pojo)) {
      return type.createSerializer(config);
    }
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[pojo.getArity()];
    Field[] fields = new Field[pojo.getArity()];
    for (int i = 0; i < fields.length; i++) {
      PojoField f = pojo.getPojoFieldAt(i);
      fields[i] = f.getField();
      serializers[i] = BasicTypeInfo.STRING_TYPE_INFO.equals(f.getTypeInformation())
          ? Utf8StringSerializer.INSTANCE
          : f.getTypeInformation().createSerializer(config);
    }
    return new PojoSerializer<>(pojo.getTypeClass(), serializers, fields, config);
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
    if (version != VERSION && version != 1) {
      throw new IOException("PostgreSQL sink committable: unknown serializer version " + version
          + " (this build reads versions 1 and " + VERSION + ")");
    }
    TypeSerializer<T> serializer = (version == 1 ? rowsV1 : rows).duplicate();
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int size = in.readInt();
    List<T> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      batch.add(serializer.deserialize(in));
    }
    return batch;
  }
}
