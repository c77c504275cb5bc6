package io.seedbed.pipeline;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The rules stream's watermark: always at its maximum, so that the enterprise processor's event
 * time (the minimum over its inputs) is the feeds' alone. Marking the stream idle would do the same
 * only after an idle timeout and would be undone by every rule update; a constant maximum never
 * holds anything back. It does not look like the end of input downstream, because the feeds'
 * watermarks stay below it until they end.
 */
public final class RuleWatermarks implements WatermarkGenerator<RuleUpdate> {
  public static WatermarkStrategy<RuleUpdate> neverHoldBack() {
    return WatermarkStrategy.forGenerator(ctx -> new RuleWatermarks());
  }

  @Override
  public void onEvent(RuleUpdate event, long eventTimestamp, WatermarkOutput output) {
    output.emitWatermark(new Watermark(Long.MAX_VALUE));
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(Long.MAX_VALUE));
  }
}
