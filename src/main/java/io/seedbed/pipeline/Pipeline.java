package io.seedbed.pipeline;

import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.RejectedRecord;
import io.seedbed.io.OutputTables;
import io.seedbed.io.RawLine;
import io.seedbed.io.RuleFileSource;
import io.seedbed.indicator.IndicatorSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The one Seedbed dataflow, assembled the same way for the streaming job, the backtest and the
 * tests; only the sources and sinks differ.
 *
 * <pre>
 * per feed: lines -> decode (rejected -> side output) -> event time + watermarks
 * union -> keyBy(uscc) -> EnterpriseProcessor (ledger, indicators, rules, pools) -> tables
 *                               ^ rule updates (broadcast; watermark never holds back)
 * </pre>
 */
public final class Pipeline {
  private Pipeline() {}


  /** The pipeline on the shipped rules only (no rules stream). */
  public static void define(StreamExecutionEnvironment env, FeedSources sources, SeedbedSinks sinks,
      PipelineConfig config) {
    define(env, sources, RuleSources.none(), sinks, config);
  }

  /** The pipeline with a rules stream: updates are broadcast to every enterprise processor. */
  public static void define(StreamExecutionEnvironment env, FeedSources sources, RuleSources rules,
      SeedbedSinks sinks, PipelineConfig config) {
    env.setMaxParallelism(config.maxParallelism);
    SeedbedConfig parsed = SeedbedConfig.parse(config.config);

    List<DataStream<FeedRecord>> records = new ArrayList<>();
    List<DataStream<RejectedRecord>> rejected = new ArrayList<>();
    for (Feed feed : Feed.DATA) {
      DataStream<RawLine> lines = sources.lines(env, feed);
      if (lines == null) {
        continue;
      }
      SingleOutputStreamOperator<FeedRecord> decoded = lines
          .process(new DecodeFunction(feed, config.clock, parsed.unitsByCarrier()))
          .returns(FeedRecordTypeInfo.INSTANCE)
          .uid("decode-" + feed.id())
          .name("Decode and validate " + feed.id());
      rejected.add(decoded.getSideOutput(Outputs.REJECTED));
      records.add(decoded
          .assignTimestampsAndWatermarks(watermarks(feed, config))
          .uid("event-time-" + feed.id())
          .name("Event time " + feed.id()));
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no feed has anything to read");
    }

    DataStream<FeedRecord> all = records.get(0);
    for (int i = 1; i < records.size(); i++) {
      all = all.union(records.get(i));
    }
    SingleOutputStreamOperator<IndicatorSnapshot> enterprises = all
        .keyBy(FeedRecord::uscc)
        .connect(ruleUpdates(env, rules).broadcast(EnterpriseProcessor.RULE_FILES))
        .process(new EnterpriseProcessor(config.config, config.clock,
            env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH))
        .uid("enterprise")
        .name("Enterprise ledger, indicators, rules and pools");

    sinks.write(OutputTables.INDICATOR_SNAPSHOT, enterprises);
    sinks.write(OutputTables.POOL_CHANGE, enterprises.getSideOutput(Outputs.POOL_CHANGE));
    sinks.write(OutputTables.POOL_MEMBERSHIP, enterprises.getSideOutput(Outputs.MEMBERSHIP));
    sinks.write(OutputTables.CANDIDATE, enterprises.getSideOutput(Outputs.CANDIDATE));
    sinks.write(OutputTables.INCIDENT, enterprises.getSideOutput(Outputs.INCIDENT));
    sinks.write(OutputTables.REWARD, enterprises.getSideOutput(Outputs.REWARD));
    sinks.write(OutputTables.DISTRICT_PROGRESS, enterprises.getSideOutput(Outputs.TRANSITION)
        .keyBy(t -> t.district)
        .process(new DistrictProgressFunction(config.config))
        .uid("district-progress")
        .name("District progress against targets"));
    rejected.add(enterprises.getSideOutput(Outputs.REJECTED)); // invalid rule updates
    DataStream<RejectedRecord> allRejected = rejected.get(0);
    for (int i = 1; i < rejected.size(); i++) {
      allRejected = allRejected.union(rejected.get(i));
    }
    sinks.write(OutputTables.REJECTED_RECORD, allRejected);
  }

  /**
   * The rule updates, with a watermark that never holds back event time: rules carry no event
   * time, and the enterprise processor's watermark is the minimum of its inputs, so a rules stream
   * without watermarks would stop every suspension timer. Without a rules source, an empty
   * bounded stream stands in (it ends at once, which also releases the watermark).
   */
  private static DataStream<RuleUpdate> ruleUpdates(StreamExecutionEnvironment env,
      RuleSources rules) {
    DataStream<RuleUpdate> updates = rules.updates(env);
    if (updates == null) {
      updates = env.fromSource(RuleFileSource.none(), WatermarkStrategy.noWatermarks(),
          "no rule updates").setParallelism(1).uid("source-rules");
    }
    return updates
        .assignTimestampsAndWatermarks(RuleWatermarks.neverHoldBack())
        .uid("rule-updates-watermarks")
        .name("Rule updates (watermark: never holds back)");
  }

  /**
   * Each feed's watermark trails its largest event time by the feed's out-of-orderness. Watermarks
   * drive only timers (suspension expiry, state clean-up): late records are still folded in.
   */
  private static WatermarkStrategy<FeedRecord> watermarks(Feed feed, PipelineConfig config) {
    return WatermarkStrategy.<FeedRecord>forBoundedOutOfOrderness(config.outOfOrderness(feed))
        .withTimestampAssigner((r, previous) -> r.eventTime().toEpochMilli())
        .withIdleness(config.idleness);
  }
}
