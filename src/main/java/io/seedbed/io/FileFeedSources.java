package io.seedbed.io;

import io.seedbed.feed.Feed;
import io.seedbed.pipeline.FeedSources;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The feeds from a folder of JSON-lines files. Bounded by default (the job ends once the files are
 * read); with {@code follow} the folders are watched for new files.
 */
public final class FileFeedSources implements FeedSources {
  private static final long serialVersionUID = 1L;

  private final String feedsDir;
  private final boolean follow;
  private final Duration discoveryInterval;

  public FileFeedSources(Path feedsDir, boolean follow, Duration discoveryInterval) {
    this.feedsDir = feedsDir.toAbsolutePath().toString();
    this.follow = follow;
    this.discoveryInterval = discoveryInterval;
  }

  @Override
  public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
    FileSource<RawLine> source = FeedFiles.source(Path.of(feedsDir), feed, follow, discoveryInterval);
    if (source == null) {
      return null;
    }
    // Watermarks come after decoding, where the event time is known (per feed).
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), feed.id() + " feed files")
        .uid("source-" + feed.id());
  }
}
