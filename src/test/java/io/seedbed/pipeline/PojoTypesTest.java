package io.seedbed.pipeline;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Profile;
import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.io.RawLine;
import io.seedbed.ledger.Ledger;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.DistrictProgress;
import io.seedbed.pool.DistrictTally;
import io.seedbed.pool.EnterprisePools;
import io.seedbed.pool.IncidentRow;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.PoolState;
import io.seedbed.pool.RewardRow;
import io.seedbed.pool.Transition;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Everything that travels between the pipeline's operators or lives in their state is serialized
 * by Flink without Kryo: the POJOs as POJOs, the sealed feed records by {@link FeedRecordSerializer}.
 */
class PojoTypesTest {
  @Test
  void recordsBetweenOperatorsArePojos() {
    assertSerializedAsPojoWithoutKryo(RawLine.class); // source -> decode
    assertSerializedAsPojoWithoutKryo(RejectedRecord.class); // decode, rules -> rejected_record
    assertSerializedAsPojoWithoutKryo(IndicatorSnapshot.class); // main output, and state
    assertSerializedAsPojoWithoutKryo(RuleUpdate.class); // rules stream (broadcast)
    assertSerializedAsPojoWithoutKryo(Transition.class); // -> district progress
  }

  @Test
  void outputRowsArePojos() {
    assertSerializedAsPojoWithoutKryo(PoolChange.class);
    assertSerializedAsPojoWithoutKryo(PoolMembership.class);
    assertSerializedAsPojoWithoutKryo(CandidateRow.class);
    assertSerializedAsPojoWithoutKryo(IncidentRow.class);
    assertSerializedAsPojoWithoutKryo(DistrictProgress.class);
    assertSerializedAsPojoWithoutKryo(RewardRow.class);
  }

  @Test
  void keyedStateIsPojos() {
    assertSerializedAsPojoWithoutKryo(Ledger.class);
    assertSerializedAsPojoWithoutKryo(EnterprisePools.class);
    assertSerializedAsPojoWithoutKryo(EnterpriseState.class);
    assertSerializedAsPojoWithoutKryo(PoolState.class);
    assertSerializedAsPojoWithoutKryo(DistrictTally.class);
  }

  @Test
  void theFixtureHasOneRecordOfEveryKind() {
    assertThat(EveryKind.records()).extracting(Object::getClass)
        .containsExactlyInAnyOrder(FeedRecord.class.getPermittedSubclasses());
  }

  @Test
  void everyKindOfFeedRecordRoundTripsThroughItsFlinkSerializer() throws Exception {
    TypeSerializer<FeedRecord> serializer =
        FeedRecordTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
    assertThat(serializer).isSameAs(FeedRecordSerializer.INSTANCE);
    List<FeedRecord> records = EveryKind.records();

    DataOutputSerializer out = new DataOutputSerializer(64);
    for (FeedRecord r : records) {
      serializer.serialize(r, out);
    }
    byte[] written = out.getCopyOfBuffer();

    // Deserialized in sequence, every record comes back equal, and nothing is left over.
    DataInputDeserializer in = new DataInputDeserializer(written);
    for (FeedRecord r : records) {
      assertThat(serializer.deserialize(in)).isEqualTo(r);
    }
    assertThat(in.available()).isZero();

    // The binary copy (what Flink does when it re-partitions serialized records) is byte-identical.
    DataInputDeserializer source = new DataInputDeserializer(written);
    DataOutputSerializer target = new DataOutputSerializer(64);
    for (int i = 0; i < records.size(); i++) {
      serializer.copy(source, target);
    }
    assertThat(target.getCopyOfBuffer()).isEqualTo(written);
    assertThat(serializer.copy(records.get(0))).isSameAs(records.get(0)); // immutable
  }

  @Test
  void theSerializerSnapshotRestoresTheSameSerializerCompatibleAsIs() throws Exception {
    TypeSerializerSnapshot<FeedRecord> snapshot = FeedRecordSerializer.INSTANCE.snapshotConfiguration();
    assertThat(snapshot).isInstanceOf(FeedRecordSerializer.Snapshot.class);

    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<FeedRecord> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored).isInstanceOf(FeedRecordSerializer.Snapshot.class);
    assertThat(restored.restoreSerializer()).isSameAs(FeedRecordSerializer.INSTANCE);
    TypeSerializerSchemaCompatibility<FeedRecord> compatibility =
        FeedRecordSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertThat(compatibility.isCompatibleAsIs()).isTrue();
    // A record written before the snapshot (the profile: the richest kind) is read by the restored one.
    DataOutputSerializer data = new DataOutputSerializer(64);
    FeedRecord record = EveryKind.records().stream().filter(r -> r instanceof Profile)
        .findFirst().orElseThrow();
    FeedRecordSerializer.INSTANCE.serialize(record, data);
    assertThat(restored.restoreSerializer()
        .deserialize(new DataInputDeserializer(data.getCopyOfBuffer()))).isEqualTo(record);
  }
}
