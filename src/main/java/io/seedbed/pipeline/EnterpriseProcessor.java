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
 * and a clean-up when the enterprise has been silent for the whole ledger window (armed once and
 * moved forward when it fires before the silence of the latest event, not at every record). The end of a
 * bounded input is not the passing of time: a timer that fires only because the input ended
 * (watermark at its maximum) changes nothing, so a suspension that lies after the last event
 * stays in force; in BATCH mode it only decides the enterprise's last instant (see
 * {@link #decideOncePerInstant}). Flink limitation: the broadcast side cannot register timers, so a wake-up that a
 * rule update asks for is kept in state ({@link EnterpriseState#pendingWakeUp}) and armed at the enterprise's
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

  /** Keyed state: everything kept for one enterprise (package-private for the harness tests). */
  static final ValueStateDescriptor<EnterpriseState> STATE =
      new ValueStateDescriptor<>("enterprise", TypeInformation.of(EnterpriseState.class));

  private final ConfigBundle config;
  private final JobClock clock;
  /**
   * BATCH: decide once per enterprise and event time, after all records of that time. The sorted
   * BATCH input orders one enterprise's records by event time, but records that share one (a bank
   * rating and two meter readings dated the same day) come in any order; deciding after each of
   * them would let that order pick which facts a pool change records.
   */
  private final boolean decideOncePerInstant;

  private transient SeedbedConfig settings;
  /** Shipped rules plus accepted updates; null until rebuilt from broadcast state. */
  private transient RuleCatalog catalog;
  private transient boolean firstSubtask;
  private transient ValueState<EnterpriseState> state;
  private transient LegacyEnterpriseState legacy;
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

  /** A streaming processor: it decides after every record that changed the ledger. */
  public EnterpriseProcessor(ConfigBundle config, JobClock clock) {
    this(config, clock, false);
  }

  /** {@code decideOncePerInstant}: true for BATCH execution (see {@link #decideOncePerInstant}). */
  public EnterpriseProcessor(ConfigBundle config, JobClock clock, boolean decideOncePerInstant) {
    this.config = config;
    this.clock = clock;
    this.decideOncePerInstant = decideOncePerInstant;
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
    state = getRuntimeContext().getState(STATE);
    legacy = new LegacyEnterpriseState(getRuntimeContext());
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
    if (ctx.timestamp() != null && ctx.timestamp() < ctx.timerService().currentWatermark()) {
      lateRecords.inc(); // still folded in: the ledger is a set of facts, order does not matter
    }
    EnterpriseState s = load();
    boolean touched = false;
    if (s == null) {
      s = new EnterpriseState(new Ledger());
      enterprises.add(1);
      stateMetrics.firstSight();
    } else {
      touched = decideEarlierInstant(s, record, ctx, out, rules);
      touched |= armPendingWakeUp(s, ctx.timerService());
      touched |= catchUpWakeUp(s, record, ctx, out, rules);
    }
    Ledger ledger = s.ledger;
    LedgerChange change = ledger.apply(record, settings.ledger());
    if (change == LedgerChange.UNCHANGED) {
      unchanged.inc();
      if (touched) {
        state.update(s); // a wake-up armed or caught up above (RocksDB needs the write)
      }
      return;
    }
    if (change == LedgerChange.OUTSIDE_WINDOW) {
      outsideWindow.inc();
    }
    ledger.prune(settings.ledger());
    if (change == LedgerChange.CHANGED && record instanceof TitleEvent title) {
      RewardRow reward = RewardLedger.rewardFor(title, settings.pools());
      if (reward != null) {
        ctx.output(Outputs.REWARD, reward);
      }
    }
    if (decideOncePerInstant) {
      s.undecidedAt = ledger.latestEventTime().toEpochMilli(); // decided when time moves on
    } else {
      evaluate(ctx.getCurrentKey(), s, ledger.latestEventTime(), rules, false, ctx::output,
          ctx.timerService(), out);
    }
    if (s.cleanupTimer == null) {
      // Armed once, at the first record's silence time; a later record does not move it: when it
      // fires too early, onTimer moves it to the silence time of the latest event then. One timer
      // operation per enterprise and window instead of a delete and a register per record.
      s.cleanupTimer = rearm(ctx.timerService(), s, null, settings.silentAfter(ledger.latestEventTime()));
    }
    state.update(s);
  }

  /**
   * The current enterprise's state, moved over from the values of an older savepoint the first
   * time it is touched after the upgrade ({@link LegacyEnterpriseState}); null for a new one.
   */
  private EnterpriseState load() throws Exception {
    EnterpriseState s = state.value();
    if (s == null) {
      s = legacy.moveOut(true);
      if (s != null) {
        state.update(s); // now, not at the caller's update: a duplicate record writes nothing
      }
    }
    return s;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      // The input ended (in BATCH: this enterprise's input); event time did not pass this timer.
      // An undecided instant is decided now: no more records of it can come. Every enterprise
      // with one has a timer to get here, the clean-up timer armed with its first fact.
      if (decideOncePerInstant) {
        decideAtEndOfInput(ctx, out);
      }
      return;
    }
    RuleBook rules = rules(ctx.getBroadcastState(RULE_FILES));
    EnterpriseState s = load();
    if (s == null) {
      return;
    }
    armPendingWakeUp(s, ctx.timerService());
    if (s.wakeUpTimer != null && s.wakeUpTimer == timestamp) {
      s.wakeUpTimer = null;
      // A look-back ended: decide as of that moment (later than the latest event), unless a
      // later decision (a later event) already saw the block end.
      if (s.decidedAt == null || s.decidedAt < timestamp) {
        evaluate(ctx.getCurrentKey(), s, Instant.ofEpochMilli(timestamp), rules, false, ctx::output,
            ctx.timerService(), out);
      }
    }
    // After the wake-up: when the incident is the latest event, its 3-year look-back and the
    // 36-month window end at the same instant (one Flink timer), and the expiry is still decided.
    if (s.cleanupTimer != null && s.cleanupTimer == timestamp) {
      Instant silentAt = settings.silentAfter(s.ledger.latestEventTime());
      if (silentAt.toEpochMilli() > timestamp) {
        // Armed for an earlier latest event: the enterprise spoke since. Not silent yet.
        s.cleanupTimer = rearm(ctx.timerService(), s, null, silentAt); // the fired one needs no delete
        state.update(s);
        return;
      }
      s.wakeUpTimer = disarm(ctx.timerService(), s, s.wakeUpTimer);
      stateMetrics.cleared(s.pools);
      state.clear();
      legacy.clear(); // an old ledger left by a rule update's walk (LegacyEnterpriseState)
      clearedEnterprises.inc();
      return;
    }
    state.update(s);
  }

  /**
   * BATCH: a record later than the undecided instant means all of that instant's records are in;
   * decide it, before this record and before a wake-up it passes (which comes later).
   */
  private boolean decideEarlierInstant(EnterpriseState s, FeedRecord record, ReadOnlyContext ctx,
      Collector<IndicatorSnapshot> out, RuleBook rules) throws Exception {
    if (s.undecidedAt == null || s.undecidedAt >= record.eventTime().toEpochMilli()) {
      return false;
    }
    decideUndecided(ctx.getCurrentKey(), s, rules, ctx::output, ctx.timerService(), out);
    return true;
  }

  private void decideAtEndOfInput(OnTimerContext ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    EnterpriseState s = state.value();
    if (s == null || s.undecidedAt == null) {
      return;
    }
    decideUndecided(ctx.getCurrentKey(), s, rules(ctx.getBroadcastState(RULE_FILES)), ctx::output,
        ctx.timerService(), out);
    state.update(s);
  }

  /** BATCH: decides the instant whose records are all in ({@link EnterpriseState#undecidedAt}). */
  private void decideUndecided(String uscc, EnterpriseState s, RuleBook rules, SideOutputs side,
      TimerService timers, Collector<IndicatorSnapshot> out) throws Exception {
    Instant at = Instant.ofEpochMilli(s.undecidedAt);
    s.undecidedAt = null;
    evaluate(uscc, s, at, rules, false, side, timers, out);
  }

  /**
   * A record at or after a pending wake-up means event time has passed it for this enterprise:
   * decide the expiry first, as of the wake-up time, with the facts known before this record.
   * The timer may not have fired yet (the watermark trails, or BATCH mode fires timers only at the
   * end of each key), and the outcome must not depend on how fast the watermark moved.
   */
  private boolean catchUpWakeUp(EnterpriseState s, FeedRecord record, ReadOnlyContext ctx,
      Collector<IndicatorSnapshot> out, RuleBook rules) throws Exception {
    Long wake = s.wakeUpTimer;
    if (wake == null || wake > record.eventTime().toEpochMilli()) {
      return false;
    }
    s.wakeUpTimer = disarm(ctx.timerService(), s, wake);
    if (s.decidedAt == null || s.decidedAt < wake) {
      evaluate(ctx.getCurrentKey(), s, Instant.ofEpochMilli(wake), rules, false, ctx::output,
          ctx.timerService(), out);
    }
    return true;
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
    // applyToKeyedState sets the current key, so the other keyed states follow it.
    ctx.applyToKeyedState(STATE, (String uscc, ValueState<EnterpriseState> current) -> {
      EnterpriseState s = current.value();
      if (s != null && reevaluate(uscc, s, update, ctx, out)) {
        current.update(s);
      }
    });
    // Enterprises of an older savepoint not yet touched since the restore.
    ctx.applyToKeyedState(LegacyEnterpriseState.LEDGER, (String uscc, ValueState<Ledger> old) -> {
      if (old.value() != null && state.value() == null) {
        EnterpriseState s = legacy.moveOut(false); // the walk cannot delete what it iterates
        reevaluate(uscc, s, update, ctx, out);
        state.update(s);
      }
    });
  }

  /** Decides {@code s} again if the rule set in force at its decision time changed; says whether it did. */
  private boolean reevaluate(String uscc, EnterpriseState s, RuleCatalog.Result update, Context ctx,
      Collector<IndicatorSnapshot> out) throws Exception {
    if (s.ledger == null || s.ledger.latestEventTime() == null) {
      return false;
    }
    Instant asOf = decisionTime(s);
    if (!RuleCatalog.changes(update.before().inForce(asOf), update.after().inForce(asOf),
        update.cityChanged())) {
      return false;
    }
    reevaluated.inc();
    evaluate(uscc, s, asOf, update.after(), true, ctx::output, null, out);
    return true;
  }

  /**
   * The enterprise's last decision time: its latest event, or a later wake-up. A rule update
   * decides as of this time, never earlier, so that a suspension already lifted stays lifted.
   */
  private static Instant decisionTime(EnterpriseState s) {
    Instant latest = s.ledger.latestEventTime();
    return s.decidedAt != null && s.decidedAt > latest.toEpochMilli()
        ? Instant.ofEpochMilli(s.decidedAt) : latest;
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
   * Recomputes indicators and pools as of {@code asOf} into {@code s}; emits only what changed. A
   * wake-up it asks for is armed on {@code timers}, or kept pending when there is none (broadcast
   * side). The caller writes {@code s} back to state.
   */
  private void evaluate(String uscc, EnterpriseState s, Instant asOf, RuleBook rules,
      boolean rulesChanged, SideOutputs ctx, TimerService timers,
      Collector<IndicatorSnapshot> out) throws Exception {
    Indicators indicators = IndicatorCalculator.compute(uscc, s.ledger, asOf, settings.indicators());
    IndicatorSnapshot snapshot = IndicatorSnapshot.of(indicators);
    long print = snapshot.rowPrint();
    boolean changed = s.lastSnapshot != null ? !snapshot.sameRowAs(s.lastSnapshot)
        : print != s.lastSnapshotPrint;
    if (changed) {
      out.collect(snapshot);
    }
    s.lastSnapshotPrint = print;
    s.lastSnapshot = null; // an older state's row: its print stands for it from now on
    RuleSet ruleSet = rules.inForce(asOf);
    if (ruleSet == null) {
      noRuleSet.inc(); // the facts wait in the ledger until a rule set is in force
      return;
    }
    stateMetrics.evaluatedUnder(asOf, ruleSet);
    List<PoolVerdict> verdicts = RuleEngine.evaluate(indicators, ruleSet);
    if (s.pools == null) {
      s.pools = new EnterprisePools();
    }
    PoolOutputs result = PoolTracker.evaluate(s.pools, indicators, verdicts, ruleSet, asOf,
        rulesChanged, settings.pools());
    emit(result, ctx);
    s.decidedAt = asOf.toEpochMilli();
    if (result.nextWakeUp != null) {
      if (timers != null) {
        s.pendingWakeUp = null;
        s.wakeUpTimer = rearm(timers, s, s.wakeUpTimer, result.nextWakeUp);
      } else {
        s.pendingWakeUp = result.nextWakeUp.toEpochMilli();
      }
    }
  }

  /** Arms a wake-up a rule update asked for (the broadcast side has no timer service); says whether there was one. */
  private boolean armPendingWakeUp(EnterpriseState s, TimerService timers) {
    if (s.pendingWakeUp == null) {
      return false;
    }
    Instant pending = Instant.ofEpochMilli(s.pendingWakeUp);
    s.pendingWakeUp = null;
    s.wakeUpTimer = rearm(timers, s, s.wakeUpTimer, pending);
    return true;
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

  /**
   * Moves a timer of {@code s} from {@code previous} to {@code at}; returns the new time, which
   * the caller stores in the field it passed as {@code previous}.
   */
  private Long rearm(TimerService timers, EnterpriseState s, Long previous, Instant at) {
    long when = at.toEpochMilli();
    if (previous != null && previous == when) {
      return previous;
    }
    release(timers, s, previous);
    timers.registerEventTimeTimer(when);
    return when;
  }

  /** Forgets the timer at {@code at} (a field of {@code s}); returns null for the caller to store. */
  private Long disarm(TimerService timers, EnterpriseState s, Long at) {
    release(timers, s, at);
    return null;
  }

  /**
   * Deletes the Flink timer at {@code at}, which one field of {@code s} is giving up. Flink keeps
   * one timer per key and time, which the wake-up and the clean-up share when they coincide (an
   * incident as the latest event), so the timer stays when the other field still holds it.
   */
  private static void release(TimerService timers, EnterpriseState s, Long at) {
    if (at == null) {
      return;
    }
    boolean wakeUp = at.equals(s.wakeUpTimer);
    boolean cleanup = at.equals(s.cleanupTimer);
    if (!(wakeUp && cleanup)) {
      timers.deleteEventTimeTimer(at);
    }
  }
}
