package io.seedbed.testing;

import io.seedbed.io.FileFeedSources;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.FeedSources;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.SeedbedSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the Seedbed pipeline on a feeds folder in the test's MiniCluster. */
public final class PipelineRuns {
  /** The job clock of every test run, so the future-date check never depends on the day. */
  public static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  private PipelineRuns() {}

  /** Bounded file sources over {@code feeds}. */
  public static FeedSources files(Path feeds) {
    return new FileFeedSources(feeds, false, Duration.ofSeconds(5));
  }

  /** Runs the pipeline to the end with {@code conf} (checkpointing, restarts) at {@code parallelism}. */
  public static JobExecutionResult run(FeedSources sources, SeedbedSinks sinks, int parallelism,
      Configuration conf) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    PipelineConfig config = PipelineConfig.defaults(
        ConfigBundle.read(ProjectFiles.path("config")), JobClock.fixed(NOW));
    Pipeline.define(env, sources, sinks, config);
    return env.execute("seedbed-test");
  }
}
