package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import java.time.Instant;
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
 * indicators as of the enterprise's latest event time and emits them when they changed. The
 * decisions are made by the core ({@link Ledger}, {@link IndicatorCalculator}); this operator only
 * keeps the state and decides when code runs.
 *
 * <p>Timers: an enterprise silent for longer than the ledger window (in event time) is cleared.
 * The end of a bounded input is not the passing of time: a timer that fires only because the
 * input ended (watermark at its maximum) changes nothing.
 */
public class EnterpriseProcessor extends KeyedProcessFunction<String, FeedRecord, IndicatorSnapshot> {
  private static final long serialVersionUID = 1L;

  /** Accumulator: enterprises seen (first record of a key). */
  public static final String ENTERPRISES = "enterprises";

  private final ConfigBundle config;

  private transient SeedbedConfig settings;
  private transient ValueState<Ledger> ledgerState;
  private transient ValueState<IndicatorSnapshot> snapshotState;
  private transient ValueState<Long> cleanupTimerState;
  private transient LongCounter enterprises;
  private transient Counter duplicates;
  private transient Counter outsideWindow;
  private transient Counter lateRecords;
  private transient Counter clearedEnterprises;

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
    cleanupTimerState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("cleanup-timer", Types.LONG));
    enterprises = new LongCounter();
    getRuntimeContext().addAccumulator(ENTERPRISES, enterprises);
    var metrics = getRuntimeContext().getMetricGroup().addGroup("enterprise");
    duplicates = metrics.counter("unchangedRecords");
    outsideWindow = metrics.counter("outsideWindowRecords");
    lateRecords = metrics.counter("lateRecords");
    clearedEnterprises = metrics.counter("clearedEnterprises");
  }

  @Override
  public void processElement(FeedRecord record, Context ctx, Collector<IndicatorSnapshot> out)
      throws Exception {
    if (ctx.timestamp() != null && ctx.timestamp() < ctx.timerService().currentWatermark()) {
      lateRecords.inc(); // still folded in: the ledger is a set of facts
    }
    Ledger ledger = ledgerState.value();
    if (ledger == null) {
      ledger = new Ledger();
      enterprises.add(1);
    }
    LedgerChange change = ledger.apply(record, settings.ledger());
    if (change == LedgerChange.UNCHANGED) {
      duplicates.inc();
      return;
    }
    if (change == LedgerChange.OUTSIDE_WINDOW) {
      outsideWindow.inc();
    }
    ledger.prune(settings.ledger());
    ledgerState.update(ledger);
    evaluate(ctx.getCurrentKey(), ledger, ledger.latestEventTime(), out);
    scheduleCleanup(ctx, ledger);
  }

  /** Recomputes the indicators as of {@code asOf} and emits them if any value changed. */
  private void evaluate(String uscc, Ledger ledger, Instant asOf, Collector<IndicatorSnapshot> out)
      throws Exception {
    Indicators indicators = IndicatorCalculator.compute(uscc, ledger, asOf, settings.indicators());
    IndicatorSnapshot snapshot = IndicatorSnapshot.of(indicators);
    if (!snapshot.sameValuesAs(snapshotState.value())) {
      snapshotState.update(snapshot);
      out.collect(snapshot);
    }
  }

  /** (Re)arms the timer that clears the enterprise once it has been silent for the whole window. */
  private void scheduleCleanup(Context ctx, Ledger ledger) throws Exception {
    long at = settings.silentAfter(ledger.latestEventTime()).toEpochMilli();
    Long previous = cleanupTimerState.value();
    if (previous != null && previous == at) {
      return;
    }
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    ctx.timerService().registerEventTimeTimer(at);
    cleanupTimerState.update(at);
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
      cleanupTimerState.clear();
      clearedEnterprises.inc();
    }
  }
}
