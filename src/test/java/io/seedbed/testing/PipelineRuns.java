package io.seedbed.testing;

import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.JsonLinesFiles;
import io.seedbed.io.JsonLinesSinks;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.SeedbedSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.seedbed.pipeline.FeedSources;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the real pipeline ({@link Pipeline#define}) on the test's MiniCluster: bounded file
 * sources, real PostgreSQL sinks and optionally JSON lines, a fixed job clock.
 */
public final class PipelineRuns {
  /** The job clock of every test run, so results never depend on the day the tests run. */
  public static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  private PipelineRuns() {}

  /** Bounded file sources over {@code feeds}. */
  public static FeedSources files(Path feeds) {
    return new FileFeedSources(feeds, false, Duration.ofSeconds(5));
  }

  /**
   * Runs the pipeline to the end with {@code conf} (e.g. STREAMING with checkpointing and restarts,
   * for failure tests) at {@code parallelism}, with the given sources and sinks.
   */
  public static JobExecutionResult run(FeedSources sources, SeedbedSinks sinks, int parallelism,
      Configuration conf) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    Pipeline.define(env, sources, sinks,
        PipelineConfig.defaults(ConfigBundle.read(ProjectFiles.path("config")), JobClock.fixed(NOW)));
    return env.execute("seedbed-test");
  }

  public static void run(Path feeds, Database db, int parallelism) throws Exception {
    run(feeds, ProjectFiles.path("config"), db, parallelism, null);
  }

  public static void run(Path feeds, Path configDir, Database db, int parallelism, Path jsonOut)
      throws Exception {
    List<SeedbedSinks> sinks = new ArrayList<>();
    sinks.add(new DatabaseSinks(db));
    if (jsonOut != null) {
      JsonLinesFiles.reset(jsonOut, OutputTables.ALL);
      sinks.add(new JsonLinesSinks(jsonOut));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    // Bounded replays run in BATCH mode: each enterprise's records in event-time order (as the
    // embedded run and the backtest do), so results do not depend on how the sources interleave.
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    Pipeline.define(env, new FileFeedSources(feeds, false, Duration.ofSeconds(1)),
        SeedbedSinks.all(sinks),
        PipelineConfig.defaults(ConfigBundle.read(configDir), JobClock.fixed(NOW)));
    env.execute("seedbed-test");
    if (jsonOut != null) {
      for (OutputTable<?> t : OutputTables.ALL) {
        JsonLinesFiles.compact(jsonOut, t);
      }
    }
  }
}
