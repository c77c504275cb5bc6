package io.seedbed.pipeline;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Json;
import io.seedbed.feed.RejectReason;
import io.seedbed.feed.RejectedRecord;
import io.seedbed.io.RawLine;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the raw lines of one feed into {@link FeedRecord}s. Whatever cannot be accepted goes to
 * the {@link Outputs#REJECTED} side output with a reason; nothing stops the job and nothing is
 * dropped. Counts lines in and rejections by reason, as metrics (for a cluster's reporters) and as
 * accumulators (for the CLI's progress and summary).
 */
public final class DecodeFunction extends ProcessFunction<RawLine, FeedRecord> {
  private static final long serialVersionUID = 1L;

  /** Accumulator names: {@code records.FEED} and {@code rejected.REASON}. */
  public static final String RECORDS_PREFIX = "records.";
  public static final String REJECTED_PREFIX = "rejected.";

  private final Feed feed;
  private final JobClock clock;
  private final Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier;

  private transient FeedDecoder decoder;
  private transient Clock wallClock;
  private transient Counter recordsIn;
  private transient LongCounter recordsInAcc;
  private transient Map<RejectReason, Counter> rejectedByReason;
  private transient Map<RejectReason, LongCounter> rejectedAcc;

  public DecodeFunction(Feed feed, JobClock clock, Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier) {
    this.feed = feed;
    this.clock = clock;
    this.unitsByCarrier = unitsByCarrier;
  }

  @Override
  public void open(OpenContext openContext) {
    wallClock = clock.clock();
    decoder = new FeedDecoder(wallClock, unitsByCarrier);
    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("feed", feed.id());
    recordsIn = group.counter("recordsIn");
    recordsInAcc = new LongCounter();
    getRuntimeContext().addAccumulator(RECORDS_PREFIX + feed.id(), recordsInAcc);
    rejectedByReason = new EnumMap<>(RejectReason.class);
    rejectedAcc = new HashMap<>();
    for (RejectReason reason : RejectReason.values()) {
      rejectedByReason.put(reason, group.addGroup("reason", reason.code()).counter("rejected"));
      LongCounter acc = new LongCounter();
      getRuntimeContext().addAccumulator(REJECTED_PREFIX + feed.id() + "." + reason.code(), acc);
      rejectedAcc.put(reason, acc);
    }
  }

  @Override
  public void processElement(RawLine line, Context ctx, Collector<FeedRecord> out) {
    recordsIn.inc();
    recordsInAcc.add(1);
    Decoded decoded;
    if (line.truncated) {
      decoded = Decoded.rejection(RejectedRecord.of(feed, RejectReason.LINE_TOO_LONG,
          "line of " + line.bytes + " bytes is longer than the limit of " + Json.MAX_LINE_CHARS
              + " characters", line.text, wallClock.instant()));
    } else {
      decoded = decoder.decode(feed, line.text);
    }
    if (decoded.ok()) {
      out.collect(decoded.record());
    } else {
      RejectedRecord rejected = decoded.rejected();
      RejectReason reason = RejectReason.valueOf(rejected.reason.toUpperCase(java.util.Locale.ROOT));
      rejectedByReason.get(reason).inc();
      rejectedAcc.get(reason).add(1);
      ctx.output(Outputs.REJECTED, rejected);
    }
  }
}
