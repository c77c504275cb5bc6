package io.seedbed.upgrade;

import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.FolderRuleSources;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job behind the committed savepoint (src/test/resources/savepoints/v1): the production
 * streaming topology with watched feed and rule folders (what {@code run --follow} and a job file
 * with {@code files:} sources build) and the PostgreSQL sinks, parallelism 2, max parallelism
 * 1024. {@link SavepointRefresh} writes the savepoint with it; {@link SavepointCompatibilityIT}
 * restores the savepoint into it, built by the code under test.
 */
final class SavepointJob {
  /** Where the committed savepoint and the feed lines around it live. */
  static final Path V1 = ProjectFiles.path("src/test/resources/savepoints/v1");
  /** In {@link #V1}: the "uscc/pool" pairs tracked in the savepoint's state, one a line. */
  static final String TRACKED = "tracked.txt";

  private SavepointJob() {}

  /** A streaming environment; {@code restoreFrom} null starts empty. */
  static StreamExecutionEnvironment env(String stateBackend, String restoreFrom) {
    Configuration conf = new Configuration();
    conf.setString("execution.runtime-mode", "STREAMING");
    conf.setString("state.backend.type", stateBackend);
    conf.setString("execution.checkpointing.interval", "1s");
    if (restoreFrom != null) {
      conf.setString("execution.state-recovery.path", restoreFrom);
      // every piece of state in the savepoint must find its operator (uid): a renamed or removed
      // stateful operator fails the restore instead of silently starting empty
      conf.setString("execution.state-recovery.ignore-unclaimed-state", "false");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  /** The topology: watched folders in, PostgreSQL out, the fixed test clock. */
  static void define(StreamExecutionEnvironment env, Path feeds, Database db) {
    Path config = ProjectFiles.path("config");
    Pipeline.define(env, new FileFeedSources(feeds, true, Duration.ofMillis(500)),
        new FolderRuleSources(config, true, Duration.ofMillis(500)), new DatabaseSinks(db),
        PipelineConfig.defaults(ConfigBundle.read(config), JobClock.fixed(PipelineRuns.NOW)));
  }
}
