package io.seedbed.pipeline;

import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.ledger.Ledger;
import io.seedbed.pool.EnterprisePools;

/**
 * Everything {@link EnterpriseProcessor} keeps for one enterprise, as ONE keyed value: a record
 * costs one state read (and, with RocksDB, one lookup and one deserialization) instead of seven,
 * and a checkpoint writes the enterprise's key once instead of once per value. Flink POJO.
 *
 * <p>Times are epoch milliseconds; null means "none".
 */
public class EnterpriseState {
  /** The facts folded so far. */
  public Ledger ledger;
  /**
   * {@link IndicatorSnapshot#rowPrint} of the last {@code indicator_snapshot} row written, to write
   * only rows that changed; 0 before the first.
   */
  public long lastSnapshotPrint;
  /**
   * The last row itself, as states kept it before {@link #lastSnapshotPrint}: null, except in a
   * state restored from such a savepoint and not decided since (the next decision compares with it
   * and replaces it by its print). Kept as a field so that those savepoints restore with it.
   */
  public IndicatorSnapshot lastSnapshot;
  /** Pool memberships, candidates and suspensions; null until the first evaluation under a rule set. */
  public EnterprisePools pools;
  /** The armed clean-up timer (the enterprise silent for the whole ledger window). */
  public Long cleanupTimer;
  /** The armed wake-up timer (a suspension's look-back ends). */
  public Long wakeUpTimer;
  /** A wake-up asked for by a rule update (the broadcast side cannot arm timers). */
  public Long pendingWakeUp;
  /** The time of the last decision: the latest event, or a later wake-up. */
  public Long decidedAt;
  /**
   * BATCH only: the event time of facts folded but not yet decided. Records that share an event
   * time are decided together, once the enterprise's next later record or the end of its input
   * shows that no more of them can come (see {@link EnterpriseProcessor}).
   */
  public Long undecidedAt;

  public EnterpriseState() {}

  EnterpriseState(Ledger ledger) {
    this.ledger = ledger;
  }
}
