package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.DistrictProgress;
import io.seedbed.pool.IncidentRow;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.RewardRow;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The committables of {@link TransactionalJdbcSink} survive a checkpoint: rows round-trip. */
class RowBatchSerializerTest {

  private static PoolChange change(String uscc, String from, String to, String at) {
    PoolChange c = new PoolChange();
    c.uscc = uscc;
    c.pool = "innovative";
    c.fromStatus = from;
    c.toStatus = to;
    c.reason = "criteria met";
    c.eventTime = Instant.parse(at);
    c.ruleSet = "shandong-innovative";
    c.ruleVersion = 3;
    c.criteria = "{\"a\":true}";
    c.changeId = PoolChange.changeId(c.uscc, c.pool, from, to, c.eventTime, c.ruleSet, c.ruleVersion, 1);
    return c;
  }

  @Test
  void aBatchOfPoolChangesRoundTripsInOrder() throws IOException {
    SupportsCommitter<List<PoolChange>> sink = new TransactionalJdbcSink<>(OutputTables.POOL_CHANGE,
        TypeInformation.of(PoolChange.class), null, ResilientJdbcSink.Settings.defaults());
    SimpleVersionedSerializer<List<PoolChange>> serializer = sink.getCommittableSerializer();
    List<PoolChange> batch = List.of(
        change("91371100MA00000001", null, "candidate", "2025-03-01T00:00:00Z"),
        change("91371100MA00000001", "candidate", "member", "2025-04-15T08:30:00Z"));

    List<PoolChange> back = serializer.deserialize(serializer.getVersion(), serializer.serialize(batch));

    assertThat(serializer.getVersion()).isEqualTo(2);
    assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(batch);
    assertThat(back.get(0).fromStatus).isNull();
    assertThat(back.get(1).eventTime).isEqualTo(Instant.parse("2025-04-15T08:30:00Z"));
  }

  /** The buffer is reused between batches: nothing of a larger earlier batch leaks into the next. */
  @Test
  void consecutiveBatchesOfEverySizeRoundTripAlone() throws IOException {
    RowBatchSerializer<PoolChange> serializer = new RowBatchSerializer<>(
        TypeInformation.of(PoolChange.class));
    List<PoolChange> small = List.of(change("91371100MA00000002", null, "candidate", "2025-03-01T00:00:00Z"));
    List<PoolChange> large = new java.util.ArrayList<>();
    for (int i = 0; i < 40_000; i++) { // ~6 MB: past the size at which the buffer is dropped
      PoolChange c = change("91371100MA00000001", "candidate", "member", "2025-04-15T08:30:00Z");
      c.criteria = "{\"n\":" + i + "}" + " ".repeat(100);
      large.add(c);
    }
    for (List<PoolChange> batch : List.of(large, small, large, large, small)) {
      byte[] bytes = serializer.serialize(batch);
      // Compared as text rows: a recursive comparison of 40,000 elements takes minutes.
      assertThat(rows(serializer.deserialize(2, bytes))).isEqualTo(rows(batch));
    }
    assertThat(serializer.serialize(small)).hasSizeLessThan(200);
  }

  private static List<String> rows(List<PoolChange> batch) {
    return batch.stream().map(c -> String.join("|", c.changeId, c.uscc, c.pool, c.fromStatus,
        c.toStatus, c.reason, String.valueOf(c.eventTime), c.ruleSet, String.valueOf(c.ruleVersion),
        c.criteria)).toList();
  }

  @Test
  void anEmptyBatchRoundTrips() throws IOException {
    RowBatchSerializer<PoolChange> serializer = new RowBatchSerializer<>(
        TypeInformation.of(PoolChange.class));
    assertThat(serializer.deserialize(2, serializer.serialize(List.of()))).isEmpty();
  }

  /** Strings go as UTF-8 in one copy: null, empty, Chinese and 4-byte characters come back as they were. */
  @Test
  void stringsOfEveryKindRoundTrip() throws IOException {
    RowBatchSerializer<PoolChange> serializer = new RowBatchSerializer<>(
        TypeInformation.of(PoolChange.class));
    PoolChange c = change("91371100MA00000001", null, "", "2025-03-01T00:00:00Z");
    c.reason = "专精特新 𠀋 criteria met";
    c.criteria = "{\"名称\":\"" + "é".repeat(3000) + "\"}";
    List<PoolChange> back = serializer.deserialize(2, serializer.serialize(List.of(c)));
    assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactly(c);
    assertThat(back.get(0).fromStatus).isNull();
    assertThat(back.get(0).toStatus).isEmpty();
  }

  /**
   * A checkpoint of an older build holds version 1 batches (Flink's own row serializer): this
   * build still reads them, so their rows are committed after the upgrade.
   */
  @Test
  void aVersionOneBatchOfAnOlderBuildIsStillRead() throws IOException {
    var v1 = TypeInformation.of(PoolChange.class).createSerializer(new SerializerConfigImpl());
    List<PoolChange> batch = List.of(change("91371100MA00000001", null, "candidate", "2025-03-01T00:00:00Z"),
        change("91371100MA00000001", "candidate", "member", "2025-04-15T08:30:00Z"));
    var out = new org.apache.flink.core.memory.DataOutputSerializer(256);
    out.writeInt(batch.size());
    for (PoolChange c : batch) {
      v1.serialize(c, out);
    }
    RowBatchSerializer<PoolChange> serializer = new RowBatchSerializer<>(
        TypeInformation.of(PoolChange.class));
    assertThat(serializer.deserialize(1, out.getCopyOfBuffer()))
        .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(batch);
  }

  @Test
  void anUnknownVersionIsRefusedByName() {
    RowBatchSerializer<PoolChange> serializer = new RowBatchSerializer<>(
        TypeInformation.of(PoolChange.class));
    assertThatThrownBy(() -> serializer.deserialize(3, new byte[4]))
        .isInstanceOf(IOException.class)
        .hasMessage("PostgreSQL sink committable: unknown serializer version 3 (this build reads versions 1 and 2)");
  }

  /** Every output row class is a POJO: its committables are written without Kryo. */
  @Test
  void everyOutputRowClassSerializesAsAPojo() {
    for (Class<?> row : List.of(RejectedRecord.class, IndicatorSnapshot.class, PoolChange.class,
        PoolMembership.class, CandidateRow.class, IncidentRow.class, DistrictProgress.class,
        RewardRow.class)) {
      PojoTestUtils.assertSerializedAsPojoWithoutKryo(row);
    }
  }
}
