package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.TitleEvent;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.DistrictTally;
import io.seedbed.pool.EnterprisePools;
import io.seedbed.pool.IncidentRow;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.PoolOutputs;
import io.seedbed.pool.PoolTracker;
import io.seedbed.pool.RewardLedger;
import io.seedbed.pool.RewardRow;
import io.seedbed.pool.Transition;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per enterprise (keyed by USCC): folds each record into the enterprise's ledger, recomputes the
 * indicators as of the enterprise's latest event time, evaluates every pool under the rule set in
 * force at that time and steps each pool's membership. The decisions are the core's
 * ({@link Ledger}, {@link IndicatorCalculator}, {@link RuleEngine}, {@link PoolTracker}); this
 * operator only keeps the state and decides when code runs.
 *
 * <p>Main output: {@code indicator_snapshot} rows, only when a value changed. Side outputs (see
 * {@link Outputs}): pool changes, memberships, candidates, incidents, rewards and the transitions
 * that feed district progress.
 *
 * <p>Timers (event time): a wake-up when a suspension's look-back ends ({@code incident_expired}),
 * and a clean-up when the enterprise has been silent for the whole ledger window. The end of a
 * bounded input is not the passing of time: a timer that fires only because the input ended
 * (watermark at its maximum) changes nothing, so a suspension that lies after the last event
 * stays in force.
 */
public class EnterpriseProcessor extends KeyedProcessFunction<String, FeedRecord, IndicatorSnapshot> {
  private static final long serialVersionUID = 1L;

  /** Accumulator: enterprises seen (first record of a key). */
  public static final String ENTERPRISES = "enterprises";

  private final ConfigBundle config;

  private transient SeedbedConfig settings;
  private transient ValueState<Ledger> ledgerState;
  private transient ValueState<IndicatorSnapshot> snapshotState;
  private transient ValueState<EnterprisePools> poolsState;
  private transient ValueState<Long> cleanupTimerState;
  private transient ValueState<Long> wakeUpTimerState;
  private transient LongCounter enterprises;
  private transient Counter unchanged;
  private transient Counter outsideWindow;
  private transient Counter lateRecords;
  private transient Counter clearedEnterprises;
  private transient Counter poolChanges;
  private transient Counter noRuleSet;

  public EnterpriseProcessor(ConfigBundle config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    settings = SeedbedConfig.parse(config);
    ledgerState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("ledger", TypeInformation.of(Ledger.class)));
    snapshotState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("last-snapshot", TypeInformation.of(IndicatorSnapshot.class)));
    poolsState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("pools", TypeInformation.of(EnterprisePools.class)));
    cleanupTimerState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("cleanup-timer", Types.LONG));
    wakeUpTimerState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("wake-up-timer", Types.LONG));
    enterprises = new LongCounter();
    getRuntimeContext().addAccumulator(ENTERPRISES, enterprises);
    var metrics = getRuntimeContext().getMetricGroup().addGroup("enterprise");
    unchanged = metrics.counter("unchangedRecords");
    outsideWindow = metrics.counter("outsideWindowRecords");
    lateRecords = metrics.counter("lateRecords");
    clearedEnterprises = metrics.counter("clearedEnterprises");
    poolChanges = metrics.counter("poolChanges");
    noRuleSet = metrics.counter("evaluationsWithoutRuleSet");
  }

  @Override
  public void processElement(FeedRecord record, Context ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    if (ctx.timestamp() != null && ctx.timestamp() < ctx.timerService().currentWatermark()) {
      lateRecords.inc(); // still folded in: the ledger is a set of facts, order does not matter
    }
    Ledger ledger = ledgerState.value();
    if (ledger == null) {
      ledger = new Ledger();
      enterprises.add(1);
    }
    LedgerChange change = ledger.apply(record, settings.ledger());
    if (change == LedgerChange.UNCHANGED) {
      unchanged.inc();
      return;
    }
    if (change == LedgerChange.OUTSIDE_WINDOW) {
      outsideWindow.inc();
    }
    ledger.prune(settings.ledger());
    ledgerState.update(ledger);
    if (change == LedgerChange.CHANGED && record instanceof TitleEvent title) {
      RewardRow reward = RewardLedger.rewardFor(title, settings.pools());
      if (reward != null) {
        ctx.output(Outputs.REWARD, reward);
      }
    }
    evaluate(ctx.getCurrentKey(), ledger, ledger.latestEventTime(), ctx, out);
    rearm(ctx, cleanupTimerState, settings.silentAfter(ledger.latestEventTime()));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      return; // the input ended; event time did not pass this timer
    }
    Long cleanup = cleanupTimerState.value();
    if (cleanup != null && cleanup == timestamp) {
      ledgerState.clear();
      snapshotState.clear();
      poolsState.clear();
      cleanupTimerState.clear();
      Long wake = wakeUpTimerState.value();
      if (wake != null) {
        ctx.timerService().deleteEventTimeTimer(wake);
        wakeUpTimerState.clear();
      }
      clearedEnterprises.inc();
      return;
    }
    Long wake = wakeUpTimerState.value();
    if (wake != null && wake == timestamp) {
      wakeUpTimerState.clear();
      Ledger ledger = ledgerState.value();
      if (ledger != null) {
        // A look-back ended: decide as of that moment (later than the latest event).
        evaluate(ctx.getCurrentKey(), ledger, Instant.ofEpochMilli(timestamp), ctx, out);
      }
    }
  }

  /** Recomputes indicators and pools as of {@code asOf}; emits only what changed. */
  private void evaluate(String uscc, Ledger ledger, Instant asOf, Context ctx,
      Collector<IndicatorSnapshot> out) throws Exception {
    Indicators indicators = IndicatorCalculator.compute(uscc, ledger, asOf, settings.indicators());
    IndicatorSnapshot snapshot = IndicatorSnapshot.of(indicators);
    if (!snapshot.sameValuesAs(snapshotState.value())) {
      snapshotState.update(snapshot);
      out.collect(snapshot);
    }
    RuleSet ruleSet = settings.rules().inForce(asOf);
    if (ruleSet == null) {
      noRuleSet.inc(); // the facts wait in the ledger until a rule set is in force
      return;
    }
    List<PoolVerdict> verdicts = RuleEngine.evaluate(indicators, ruleSet);
    EnterprisePools pools = poolsState.value();
    if (pools == null) {
      pools = new EnterprisePools();
    }
    PoolOutputs result = PoolTracker.evaluate(pools, indicators, verdicts, ruleSet, asOf, false,
        settings.pools());
    emit(result, ctx);
    poolsState.update(pools);
    if (result.nextWakeUp != null) {
      rearm(ctx, wakeUpTimerState, result.nextWakeUp);
    }
  }

  private void emit(PoolOutputs result, Context ctx) {
    for (PoolChange c : result.changes) {
      ctx.output(Outputs.POOL_CHANGE, c);
      poolChanges.inc();
    }
    for (PoolMembership m : result.memberships) {
      ctx.output(Outputs.MEMBERSHIP, m);
    }
    for (CandidateRow c : result.candidates) {
      ctx.output(Outputs.CANDIDATE, c);
    }
    for (IncidentRow i : result.incidents) {
      ctx.output(Outputs.INCIDENT, i);
    }
    for (Transition t : result.transitions) {
      // District codes outside the configured list count as "unknown", keyed as one district.
      t.district = DistrictTally.districtOf(t.district, settings.pools());
      ctx.output(Outputs.TRANSITION, t);
    }
  }

  /** Moves the timer kept in {@code timerState} to {@code at}. */
  private static void rearm(Context ctx, ValueState<Long> timerState, Instant at) throws Exception {
    long when = at.toEpochMilli();
    Long previous = timerState.value();
    if (previous != null && previous == when) {
      return;
    }
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    ctx.timerService().registerEventTimeTimer(when);
    timerState.update(when);
  }
}
