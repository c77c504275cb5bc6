package io.seedbed.io;

import io.seedbed.pipeline.RuleUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Rule updates from a config folder (Source V2). Following, it is unbounded: every interval it
 * emits each {@code *.yaml} below the folder that is new or changed since it last emitted it, as
 * a {@link RuleUpdate} named relative to the folder ({@code rules/miit-2026.yaml}); the first scan
 * emits every file, and the job ignores those identical to the rules it shipped with. Not
 * following (a bounded run), it emits nothing and ends at once: the shipped rules decide.
 */
public final class RuleFileSource implements Source<RuleUpdate, RuleFolderSplit, Boolean> {
  private static final long serialVersionUID = 1L;

  private final String folder;
  private final boolean follow;
  private final long intervalMillis;

  public RuleFileSource(Path folder, boolean follow, Duration interval) {
    this.folder = folder.toAbsolutePath().toString();
    this.follow = follow;
    this.intervalMillis = interval.toMillis();
  }

  /** A source that emits nothing and ends at once: a run without a rules stream. */
  public static RuleFileSource none() {
    return new RuleFileSource(Path.of("."), false, Duration.ofSeconds(1));
  }

  @Override
  public Boundedness getBoundedness() {
    return follow ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<RuleUpdate, RuleFolderSplit> createReader(SourceReaderContext context) {
    return new RuleFolderReader(intervalMillis);
  }

  @Override
  public SplitEnumerator<RuleFolderSplit, Boolean> createEnumerator(
      SplitEnumeratorContext<RuleFolderSplit> context) {
    return restoreEnumerator(context, follow);
  }

  @Override
  public SplitEnumerator<RuleFolderSplit, Boolean> restoreEnumerator(
      SplitEnumeratorContext<RuleFolderSplit> context, Boolean splitUnassigned) {
    RuleFolderSplit split = follow && splitUnassigned
        ? new RuleFolderSplit(folder, new HashMap<>()) : null;
    return new RuleFolderEnumerator(context, split, !follow);
  }

  @Override
  public SimpleVersionedSerializer<RuleFolderSplit> getSplitSerializer() {
    return new RuleFolderSplit.Serializer();
  }

  @Override
  public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
    return new RuleFolderSplit.PendingSerializer();
  }
}
