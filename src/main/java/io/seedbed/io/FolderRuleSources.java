package io.seedbed.io;

import io.seedbed.pipeline.RuleSources;
import io.seedbed.pipeline.RuleUpdate;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Rule updates from the config folder ({@link RuleFileSource}); one reader is enough. */
public final class FolderRuleSources implements RuleSources {
  private static final long serialVersionUID = 1L;

  private final String configDir;
  private final boolean follow;
  private final Duration interval;

  public FolderRuleSources(Path configDir, boolean follow, Duration interval) {
    this.configDir = configDir.toAbsolutePath().toString();
    this.follow = follow;
    this.interval = interval;
  }

  @Override
  public DataStream<RuleUpdate> updates(StreamExecutionEnvironment env) {
    return env.fromSource(new RuleFileSource(Path.of(configDir), follow, interval),
            WatermarkStrategy.noWatermarks(), "rule files")
        .setParallelism(1)
        .uid("source-rules");
  }
}
