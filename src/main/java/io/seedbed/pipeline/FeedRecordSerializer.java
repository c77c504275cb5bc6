package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.FeedRecordCodec;
import io.seedbed.io.ImmutableValueSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for the sealed {@link FeedRecord} hierarchy: delegates to the compact binary
 * {@link FeedRecordCodec}, so records cross the network without Kryo. Records are immutable, so
 * copies are the records themselves.
 */
public final class FeedRecordSerializer extends ImmutableValueSerializer<FeedRecord> {
  private static final long serialVersionUID = 1L;

  public static final FeedRecordSerializer INSTANCE = new FeedRecordSerializer();

  @Override
  public FeedRecord createInstance() {
    return null;
  }

  @Override
  public void serialize(FeedRecord record, DataOutputView target) throws IOException {
    FeedRecordCodec.write(record, target);
  }

  @Override
  public FeedRecord deserialize(DataInputView source) throws IOException {
    return FeedRecordCodec.read(source);
  }

  @Override
  public TypeSerializerSnapshot<FeedRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot for savepoints: the codec's format version travels inside each record's tag. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeedRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
