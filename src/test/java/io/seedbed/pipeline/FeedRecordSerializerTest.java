package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's own serializer test suite on {@link FeedRecordSerializer} (copies, sequences, reuse,
 * snapshot and restore, duplicate, Java serializability), over one record of every kind.
 */
class FeedRecordSerializerTest extends SerializerTestBase<FeedRecord> {
  @Override
  protected TypeSerializer<FeedRecord> createSerializer() {
    return FeedRecordTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<FeedRecord> getTypeClass() {
    return FeedRecord.class;
  }

  @Override
  protected FeedRecord[] getTestData() {
    return EveryKind.records().toArray(new FeedRecord[0]);
  }

  /** Records are immutable, so the serializer has no instance to create or reuse. */
  @Override
  protected boolean allowNullInstances(TypeSerializer<FeedRecord> serializer) {
    return true;
  }
}
