package io.seedbed.pipeline;

import io.seedbed.feed.Feed;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** What the pipeline needs besides its sources and sinks: config, clock, time and scale settings. */
public final class PipelineConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Key groups: fixed for the life of the state (changing it loses the state). */
  public static final int DEFAULT_MAX_PARALLELISM = 1024;

  public final ConfigBundle config;
  public final JobClock clock;
  public final int maxParallelism;
  /** Bounded out-of-orderness of each feed's watermark (they drive only timers). */
  public final Map<Feed, Duration> outOfOrderness;
  /** A feed silent for this long stops holding back the watermark (followed folders, topics). */
  public final Duration idleness;

  public PipelineConfig(ConfigBundle config, JobClock clock, int maxParallelism,
      Map<Feed, Duration> outOfOrderness, Duration idleness) {
    this.config = config;
    this.clock = clock;
    this.maxParallelism = maxParallelism;
    this.outOfOrderness = new EnumMap<>(outOfOrderness);
    this.idleness = idleness;
  }

  /**
   * Defaults: VAT returns are filed up to ~45 days after their month and annual returns months
   * after their year, so event time in the tax and registry feeds runs far behind; meters and
   * patents are near real time.
   */
  public static PipelineConfig defaults(ConfigBundle config, JobClock clock) {
    Map<Feed, Duration> ooo = new EnumMap<>(Feed.class);
    ooo.put(Feed.TAX, Duration.ofDays(7));
    ooo.put(Feed.CREDIT, Duration.ofDays(7));
    ooo.put(Feed.ENERGY, Duration.ofDays(2));
    ooo.put(Feed.PATENT, Duration.ofDays(7));
    ooo.put(Feed.REGISTRY, Duration.ofDays(7));
    return new PipelineConfig(config, clock, DEFAULT_MAX_PARALLELISM, ooo, Duration.ofMinutes(1));
  }

  public Duration outOfOrderness(Feed feed) {
    return outOfOrderness.getOrDefault(feed, Duration.ofDays(7));
  }
}
