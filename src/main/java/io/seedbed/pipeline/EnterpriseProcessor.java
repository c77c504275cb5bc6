package io.seedbed.pipeline;

import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.RejectReason;
import io.seedbed.feed.RejectedRecord;
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
import io.seedbed.rule.RuleBook;
import io.seedbed.rule.RuleCatalog;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per enterprise (keyed by USCC): folds each record into the enterprise's ledger, recomputes the
 * indicators as of the enterprise's latest event time, evaluates every pool under the rule set in
 * force at that time and steps each pool's membership. The decisions are the core's
 * ({@link Ledger}, {@link IndicatorCalculator}, {@link RuleEngine}, {@link PoolTracker}); this
 * operator only keeps the state and decides when code runs.
 *
 * <p>Main output: {@code indicator_snapshot} rows, only when a value changed. Side outputs (see
 * {@link Outputs}): pool changes, memberships, candidates, incidents, rewards, the transitions
 * that feed district progress, and rejected rule updates.
 *
 * <p>Rules (broadcast input): the book starts from the rules shipped in the {@link ConfigBundle}
 * (so nothing waits at start); updates are validated and merged by a {@link RuleCatalog} and kept
 * in broadcast state ({@link #RULE_FILES}: file name → text), from which the book is rebuilt after
 * a restore. An invalid update is logged and written to {@code rejected_record} (feed
 * {@code rules}, reason {@code invalid_rules}); the rules in force stay. An update that changes the
 * rule set in force at an enterprise's decision time re-evaluates that enterprise once, stamping
 * every change {@code rules_changed} with the new version. An enterprise without a rule set in
 * force keeps its facts in the ledger and is first decided at its next event or rule update.
 *
 * <p>Timers (event time): a wake-up when a suspension's look-back ends ({@code incident_expired}),
 * and a clean-up when the enterprise has been silent for the whole ledger window. The end of a
 * bounded input is not the passing of time: a timer that fires only because the input ended
 * (watermark at its maximum) changes nothing, so a suspension that lies after the last event
 * stays in force. Flink limitation: the broadcast side cannot register timers, so a wake-up that a
 * rule update asks for is kept in state ({@code pending-wake-up}) and armed at the enterprise's
 * next record or timer; until then a suspension lifted only by time waits for that next call.
 */
public class EnterpriseProcessor
    extends KeyedBroadcastProcessFunction<String, FeedRecord, RuleUpdate, IndicatorSnapshot>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EnterpriseProcessor.class);

  /** Accumulator: enterprises seen (first record of a key). */
  public static final String ENTERPRISES = "enterprises";

  /** Broadcast state: the rule updates accepted so far, by relative file name. */
  public static final MapStateDescriptor<String, String> RULE_FILES =
      new MapStateDescriptor<>("rule-files", Types.STRING, Types.STRING);

  // Keyed state, package-private so that the harness tests read exactly what the operator keeps.
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

  private final ConfigBundle config;
  private final JobClock clock;

  private transient SeedbedConfig settings;
  /** Shipped rules plus accepted updates; null until rebuilt from broadcast state. */
  private transient RuleCatalog catalog;
  private transient boolean firstSubtask;
  private transient ValueState<Ledger> ledgerState;
  private transient ValueState<IndicatorSnapshot> snapshotState;
  private transient ValueState<EnterprisePools> poolsState;
  private transient ValueState<Long> cleanupTimerState;
  private transient ValueState<Long> wakeUpTimerState;
  private transient ValueState<Long> pendingWakeUpState;
  private transient ValueState<Long> decidedAtState;
  private transient LongCounter enterprises;
  private transient Counter unchanged;
  private transient Counter outsideWindow;
  private transient Counter lateRecords;
  private transient Counter clearedEnterprises;
  private transient Counter poolChanges;
  private transient Counter noRuleSet;
  private transient Counter ruleUpdates;
  private transient Counter reevaluated;
  /** Enterprises in state, pool sizes, changes per pool, rule version (kept in operator state). */
  private transient EnterpriseMetrics stateMetrics;
  private transient ListState<Tuple2<String, Long>> metricCounts;

  public EnterpriseProcessor(ConfigBundle config, JobClock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    metricCounts = context.getOperatorStateStore().getListState(EnterpriseMetrics.COUNTS);
    stateMetrics = new EnterpriseMetrics();
    stateMetrics.restore(metricCounts.get());
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    stateMetrics.snapshot(metricCounts);
  }

  @Override
  public void open(OpenContext openContext) {
    settings = SeedbedConfig.parse(config);
    firstSubtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
    ledgerState = getRuntimeContext().getState(LEDGER);
    snapshotState = getRuntimeContext().getState(LAST_SNAPSHOT);
    poolsState = getRuntimeContext().getState(POOLS);
    cleanupTimerState = getRuntimeContext().getState(CLEANUP_TIMER);
    wakeUpTimerState = getRuntimeContext().getState(WAKE_UP_TIMER);
    pendingWakeUpState = getRuntimeContext().getState(PENDING_WAKE_UP);
    decidedAtState = getRuntimeContext().getState(DECIDED_AT);
    enterprises = new LongCounter();
    getRuntimeContext().addAccumulator(ENTERPRISES, enterprises);
    var metrics = getRuntimeContext().getMetricGroup().addGroup("enterprise");
    unchanged = metrics.counter("unchangedRecords");
    outsideWindow = metrics.counter("outsideWindowRecords");
    lateRecords = metrics.counter("lateRecords");
    clearedEnterprises = metrics.counter("clearedEnterprises");
    poolChanges = metrics.counter("poolChanges");
    noRuleSet = metrics.counter("evaluationsWithoutRuleSet");
    ruleUpdates = metrics.counter("ruleUpdatesApplied");
    reevaluated = metrics.counter("reevaluatedOnRuleUpdate");
    stateMetrics.register(metrics);
  }

  @Override
  public void processElement(FeedRecord record, ReadOnlyContext ctx,
      Collector<IndicatorSnapshot> out) throws Exception {
    RuleBook rules = rules(ctx.getBroadcastState(RULE_FILES));
    armPendingWakeUp(ctx.timerService());
    if (ctx.timestamp() != null && ctx.timestamp() < ctx.timerService().currentWatermark()) {
      lateRecords.inc(); // still folded in: the ledger is a set of facts, order does not matter
    }
    Ledger ledger = ledgerState.value();
    if (ledger == null) {
      ledger = new Ledger();
      enterprises.add(1);
      stateMetrics.firstSight();
    } else {
      catchUpWakeUp(record, ctx, out, ledger, rules);
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
    evaluate(ctx.getCurrentKey(), ledger, ledger.latestEventTime(), rules, false, ctx::output,
        ctx.timerService(), out);
    rearm(ctx.timerService(), cleanupTimerState, settings.silentAfter(ledger.latestEventTime()));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      return; // the input ended; event time did not pass this timer
    }
    RuleBook rules = rules(ctx.getBroadcastState(RULE_FILES));
    armPendingWakeUp(ctx.timerService());
    Long wake = wakeUpTimerState.value();
    if (wake != null && wake == timestamp) {
      wakeUpTimerState.clear();
      Ledger ledger = ledgerState.value();
      Long decidedAt = decidedAtState.value();
      // A look-back ended: decide as of that moment (later than the latest event), unless a
      // later decision (a later event) already saw the block end.
      if (ledger != null && (decidedAt == null || decidedAt < timestamp)) {
        evaluate(ctx.getCurrentKey(), ledger, Instant.ofEpochMilli(timestamp), rules, false, ctx::output,
            ctx.timerService(), out);
      }
    }
    // After the wake-up: when the incident is the latest event, its 3-year look-back and the
    // 36-month window end at the same instant (one Flink timer), and the expiry is still decided.
    Long cleanup = cleanupTimerState.value();
    if (cleanup != null && cleanup == timestamp) {
      disarm(ctx.timerService(), wakeUpTimerState);
      stateMetrics.cleared(poolsState.value());
      ledgerState.clear();
      snapshotState.clear();
      poolsState.clear();
      cleanupTimerState.clear();
      pendingWakeUpState.clear();
      decidedAtState.clear();
      clearedEnterprises.inc();
    }
  }

  /**
   * A record at or after a pending wake-up means event time has passed it for this enterprise:
   * decide the expiry first, as of the wake-up time, with the facts known before this record.
   * The timer may not have fired yet (the watermark trails, or BATCH mode fires timers only at the
   * end of each key), and the outcome must not depend on how fast the watermark moved.
   */
  private void catchUpWakeUp(FeedRecord record, ReadOnlyContext ctx, Collector<IndicatorSnapshot> out,
      Ledger ledger, RuleBook rules) throws Exception {
    Long wake = wakeUpTimerState.value();
    if (wake == null || wake > record.eventTime().toEpochMilli()) {
      return;
    }
    disarm(ctx.timerService(), wakeUpTimerState);
    Long decidedAt = decidedAtState.value();
    if (decidedAt == null || decidedAt < wake) {
      evaluate(ctx.getCurrentKey(), ledger, Instant.ofEpochMilli(wake), rules, false, ctx::output,
          ctx.timerService(), out);
    }
  }

  @Override
  public void processBroadcastElement(RuleUpdate update, Context ctx,
      Collector<IndicatorSnapshot> out) throws Exception {
    rules(ctx.getBroadcastState(RULE_FILES));
    RuleCatalog.Result result = catalog.offer(update.file, update.text);
    switch (result.outcome()) {
      case UNCHANGED:
        return;
      case OLDER_IGNORED:
        if (firstSubtask) {
          LOG.info("rule update from {}: {}", update.origin, result.message());
        }
        return;
      case REJECTED:
        // Every parallel instance sees the update; one reports it.
        if (firstSubtask) {
          LOG.warn("rule update from {} rejected, the rules in force stay: {}", update.origin,
              result.message());
          ctx.output(Outputs.REJECTED, RejectedRecord.of(Feed.RULES, RejectReason.INVALID_RULES,
              result.message(), update.text, clock.clock().instant()));
        }
        return;
      case APPLIED:
        ctx.getBroadcastState(RULE_FILES).put(update.file, update.text);
        ruleUpdates.inc();
        stateMetrics.rulesChanged(catalog.book());
        if (firstSubtask) {
          LOG.info("rule update from {}: {}", update.origin, result.message());
        }
        reevaluateAll(result, ctx, out);
        return;
      default:
        throw new IllegalStateException("unknown outcome " + result.outcome());
    }
  }

  /**
   * Decides again, once, every enterprise whose rule set in force at its decision time changed,
   * as of that decision time; only real changes are written, stamped {@code rules_changed}.
   */
  private void reevaluateAll(RuleCatalog.Result update, Context ctx,
      Collector<IndicatorSnapshot> out) throws Exception {
    ctx.applyToKeyedState(LEDGER, (String uscc, ValueState<Ledger> state) -> {
      // applyToKeyedState sets the current key, so the other keyed states follow it.
      Ledger ledger = state.value();
      if (ledger == null || ledger.latestEventTime() == null) {
        return;
      }
      Instant asOf = decisionTime(ledger);
      if (RuleCatalog.changes(update.before().inForce(asOf), update.after().inForce(asOf),
          update.cityChanged())) {
        reevaluated.inc();
        evaluate(uscc, ledger, asOf, update.after(), true, ctx::output, null, out);
      }
    });
  }

  /**
   * The enterprise's last decision time: its latest event, or a later wake-up. A rule update
   * decides as of this time, never earlier, so that a suspension already lifted stays lifted.
   */
  private Instant decisionTime(Ledger ledger) throws Exception {
    Instant latest = ledger.latestEventTime();
    Long decidedAt = decidedAtState.value();
    return decidedAt != null && decidedAt > latest.toEpochMilli()
        ? Instant.ofEpochMilli(decidedAt) : latest;
  }

  /** The rule book; on the first call after a (re)start, rebuilt from the broadcast state. */
  private RuleBook rules(ReadOnlyBroadcastState<String, String> accepted) throws Exception {
    if (catalog == null) {
      catalog = new RuleCatalog(config.files());
      Map<String, String> restored = new HashMap<>();
      for (Map.Entry<String, String> e : accepted.immutableEntries()) {
        restored.put(e.getKey(), e.getValue());
      }
      if (!restored.isEmpty()) {
        int kept = catalog.restore(restored);
        LOG.info("rule book rebuilt from {} accepted updates ({} still apply): {}",
            restored.size(), kept, catalog.book().ruleSets());
      }
    }
    return catalog.book();
  }

  /**
   * Recomputes indicators and pools as of {@code asOf}; emits only what changed. A wake-up it asks
   * for is armed on {@code timers}, or kept pending when there is none (broadcast side).
   */
  private void evaluate(String uscc, Ledger ledger, Instant asOf, RuleBook rules,
      boolean rulesChanged, SideOutputs ctx, TimerService timers,
      Collector<IndicatorSnapshot> out) throws Exception {
    Indicators indicators = IndicatorCalculator.compute(uscc, ledger, asOf, settings.indicators());
    IndicatorSnapshot snapshot = IndicatorSnapshot.of(indicators);
    if (!snapshot.sameRowAs(snapshotState.value())) {
      snapshotState.update(snapshot);
      out.collect(snapshot);
    }
    RuleSet ruleSet = rules.inForce(asOf);
    if (ruleSet == null) {
      noRuleSet.inc(); // the facts wait in the ledger until a rule set is in force
      return;
    }
    stateMetrics.evaluatedUnder(asOf, ruleSet);
    List<PoolVerdict> verdicts = RuleEngine.evaluate(indicators, ruleSet);
    EnterprisePools pools = poolsState.value();
    if (pools == null) {
      pools = new EnterprisePools();
    }
    PoolOutputs result = PoolTracker.evaluate(pools, indicators, verdicts, ruleSet, asOf, rulesChanged,
        settings.pools());
    emit(result, ctx);
    poolsState.update(pools);
    decidedAtState.update(asOf.toEpochMilli());
    if (result.nextWakeUp != null) {
      if (timers != null) {
        pendingWakeUpState.clear();
        rearm(timers, wakeUpTimerState, result.nextWakeUp);
      } else {
        pendingWakeUpState.update(result.nextWakeUp.toEpochMilli());
      }
    }
  }

  /** Arms a wake-up a rule update asked for (the broadcast side has no timer service). */
  private void armPendingWakeUp(TimerService timers) throws Exception {
    Long pending = pendingWakeUpState.value();
    if (pending != null) {
      pendingWakeUpState.clear();
      rearm(timers, wakeUpTimerState, Instant.ofEpochMilli(pending));
    }
  }

  private void emit(PoolOutputs result, SideOutputs ctx) {
    for (PoolChange c : result.changes) {
      ctx.output(Outputs.POOL_CHANGE, c);
      poolChanges.inc();
      stateMetrics.changed(c);
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

  /** The side outputs of whichever context runs the evaluation (keyed, timer or broadcast). */
  private interface SideOutputs {
    <X> void output(OutputTag<X> tag, X value);
  }

  /** Moves the timer kept in {@code timerState} to {@code at}. */
  private void rearm(TimerService timers, ValueState<Long> timerState, Instant at) throws Exception {
    long when = at.toEpochMilli();
    Long previous = timerState.value();
    if (previous != null && previous == when) {
      return;
    }
    disarm(timers, timerState);
    timers.registerEventTimeTimer(when);
    timerState.update(when);
  }

  /**
   * Forgets the timer kept in {@code timerState}. Flink keeps one timer per key and time, which
   * the wake-up and the clean-up share when they coincide (an incident as the latest event), so
   * the timer is deleted only when the other one does not need it.
   */
  private void disarm(TimerService timers, ValueState<Long> timerState) throws Exception {
    Long at = timerState.value();
    if (at == null) {
      return;
    }
    timerState.clear();
    if (!at.equals(cleanupTimerState.value()) && !at.equals(wakeUpTimerState.value())) {
      timers.deleteEventTimeTimer(at);
    }
  }
}
