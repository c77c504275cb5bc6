package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.pool.CandidateRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a flush writes: the last row per key for current-state tables, every row for logs. */
class RowBufferTest {
  private static final String A = "91370200MA3C4XYZ1N";
  private static final String B = "91371100MA3D5ABC2P";

  @Test
  void aCurrentStateTableKeepsTheLastRowOfEachKeyInTheOrderOfLastWrites() {
    RowBuffer<IndicatorSnapshot> buffer = new RowBuffer<>(OutputTables.INDICATOR_SNAPSHOT);
    buffer.add(snapshot(A, 1));
    buffer.add(snapshot(B, 2));
    buffer.add(snapshot(A, 3));
    assertThat(buffer.size()).isEqualTo(2);
    List<IndicatorSnapshot> rows = buffer.drain();
    assertThat(rows).extracting(r -> r.uscc + "@" + r.asOf.getEpochSecond())
        .containsExactly(B + "@2", A + "@3");
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.drain()).isEmpty();
  }

  @Test
  void aDeletionAfterAnUpsertOfTheSameKeyWinsAndTheKeyIsTheWholePrimaryKey() {
    RowBuffer<CandidateRow> buffer = new RowBuffer<>(OutputTables.CANDIDATE);
    buffer.add(candidate(A, "srdi", false, 1));
    buffer.add(candidate(A, "gazelle", false, 2));
    buffer.add(candidate(A, "srdi", true, 3));
    assertThat(buffer.drain()).extracting(c -> c.pool + (c.deleted ? " deleted" : ""))
        .containsExactly("gazelle", "srdi deleted");
  }

  @Test
  void anAppendOnlyLogKeepsEveryRowInArrivalOrder() {
    RowBuffer<RejectedRecord> buffer = new RowBuffer<>(OutputTables.REJECTED_RECORD);
    RejectedRecord first = rejected("x");
    RejectedRecord second = rejected("x");
    buffer.add(first);
    buffer.add(second);
    assertThat(buffer.drain()).containsExactly(first, second);
  }

  private static IndicatorSnapshot snapshot(String uscc, long second) {
    IndicatorSnapshot s = new IndicatorSnapshot();
    s.uscc = uscc;
    s.asOf = Instant.ofEpochSecond(second);
    return s;
  }

  private static CandidateRow candidate(String uscc, String pool, boolean deleted, long second) {
    CandidateRow c = new CandidateRow();
    c.uscc = uscc;
    c.pool = pool;
    c.deleted = deleted;
    c.flaggedAt = Instant.ofEpochSecond(second);
    return c;
  }

  private static RejectedRecord rejected(String raw) {
    return RejectedRecord.of(io.seedbed.feed.Feed.TAX, io.seedbed.feed.RejectReason.MALFORMED_JSON,
        "bad", raw, Instant.EPOCH);
  }
}
