package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information for {@link FeedRecord}: tells Flink to use {@link FeedRecordSerializer}. */
public final class FeedRecordTypeInfo extends TypeInformation<FeedRecord> {
  private static final long serialVersionUID = 1L;

  public static final FeedRecordTypeInfo INSTANCE = new FeedRecordTypeInfo();

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<FeedRecord> getTypeClass() {
    return FeedRecord.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<FeedRecord> createSerializer(SerializerConfig config) {
    return FeedRecordSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "FeedRecord";
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof FeedRecordTypeInfo;
  }

  @Override
  public int hashCode() {
    return FeedRecordTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object obj) {
    return obj instanceof FeedRecordTypeInfo;
  }
}
