package io.seedbed.backtest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One row of the {@code pool_change} table (contract/outputs.md) as a backtest run wrote it to
 * {@code pool_change.jsonl}. {@code fromStatus} is null on first sight; {@code recordedAt} is
 * wall-clock and plays no part in the comparison.
 */
public record PoolChangeRow(String changeId, String uscc, String pool, String fromStatus,
    String toStatus, String reason, Instant eventTime, String ruleSet, int ruleVersion,
    List<Criterion> criteria, Instant recordedAt) {

  /**
   * Replay order: event time, then change id. The change id breaks ties between changes of the
   * same event so that both runs and every replay agree on which one came last.
   */
  public static final Comparator<PoolChangeRow> REPLAY_ORDER =
      Comparator.comparing(PoolChangeRow::eventTime).thenComparing(PoolChangeRow::changeId);

  public PoolChangeRow {
    criteria = List.copyOf(criteria);
  }
}
