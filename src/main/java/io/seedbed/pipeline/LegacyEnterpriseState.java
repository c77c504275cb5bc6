package io.seedbed.pipeline;

import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.ledger.Ledger;
import io.seedbed.pool.EnterprisePools;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The seven keyed values of savepoints taken before {@link EnterpriseState} (Seedbed 0.1,
 * src/test/resources/savepoints/v1), read once per enterprise and moved into the one value: an
 * upgrade keeps every ledger and pool history without a migration step. An enterprise is moved at
 * its first record or timer after the restore ({@link #moveOut}); one moved while a rule update
 * walks every enterprise keeps its old ledger value until its clean-up, because the walk cannot
 * delete from the state it iterates. Remove once no savepoint of 0.1 needs restoring.
 */
final class LegacyEnterpriseState {
  static final ValueStateDescriptor<Ledger> LEDGER =
      new ValueStateDescriptor<>("ledger", TypeInformation.of(Ledger.class));
  static final ValueStateDescriptor<IndicatorSnapshot> LAST_SNAPSHOT =
      new ValueStateDescriptor<>("last-snapshot", TypeInformation.of(IndicatorSnapshot.class));
  static final ValueStateDescriptor<EnterprisePools> POOLS =
      new ValueStateDescriptor<>("pools", TypeInformation.of(EnterprisePools.class));
  static final ValueStateDescriptor<Long> CLEANUP_TIMER =
      new ValueStateDescriptor<>("cleanup-timer", Types.LONG);
  static final ValueStateDescriptor<Long> WAKE_UP_TIMER =
      new ValueStateDescriptor<>("wake-up-timer", Types.LONG);
  static final ValueStateDescriptor<Long> PENDING_WAKE_UP =
      new ValueStateDescriptor<>("pending-wake-up", Types.LONG);
  static final ValueStateDescriptor<Long> DECIDED_AT =
      new ValueStateDescriptor<>("decided-at", Types.LONG);

  private final ValueState<Ledger> ledger;
  private final ValueState<IndicatorSnapshot> snapshot;
  private final ValueState<EnterprisePools> pools;
  private final ValueState<Long> cleanupTimer;
  private final ValueState<Long> wakeUpTimer;
  private final ValueState<Long> pendingWakeUp;
  private final ValueState<Long> decidedAt;

  LegacyEnterpriseState(RuntimeContext context) {
    ledger = context.getState(LEDGER);
    snapshot = context.getState(LAST_SNAPSHOT);
    pools = context.getState(POOLS);
    cleanupTimer = context.getState(CLEANUP_TIMER);
    wakeUpTimer = context.getState(WAKE_UP_TIMER);
    pendingWakeUp = context.getState(PENDING_WAKE_UP);
    decidedAt = context.getState(DECIDED_AT);
  }

  /**
   * The current enterprise's old values as one {@link EnterpriseState}, or null if it has none.
   * The old values are deleted, the ledger only when {@code clearLedger} (not while a walk over
   * the old ledgers is under way).
   */
  EnterpriseState moveOut(boolean clearLedger) throws Exception {
    Ledger old = ledger.value();
    if (old == null) {
      return null;
    }
    EnterpriseState s = new EnterpriseState(old);
    s.lastSnapshot = snapshot.value();
    s.pools = pools.value();
    s.cleanupTimer = cleanupTimer.value();
    s.wakeUpTimer = wakeUpTimer.value();
    s.pendingWakeUp = pendingWakeUp.value();
    s.decidedAt = decidedAt.value();
    snapshot.clear();
    pools.clear();
    cleanupTimer.clear();
    wakeUpTimer.clear();
    pendingWakeUp.clear();
    decidedAt.clear();
    if (clearLedger) {
      ledger.clear();
    }
    return s;
  }

  /** Deletes the current enterprise's old values. */
  void clear() {
    ledger.clear();
    snapshot.clear();
    pools.clear();
    cleanupTimer.clear();
    wakeUpTimer.clear();
    pendingWakeUp.clear();
    decidedAt.clear();
  }
}
