package io.seedbed.pipeline;

import io.seedbed.feed.Feed;
import io.seedbed.io.RawLine;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Each feed from its own kind of source (files for one feed, Kafka for another): a job-file choice. */
public final class PerFeedSources implements FeedSources {
  private static final long serialVersionUID = 1L;

  private final EnumMap<Feed, FeedSources> byFeed;

  public PerFeedSources(Map<Feed, FeedSources> byFeed) {
    this.byFeed = new EnumMap<>(Feed.class);
    this.byFeed.putAll(byFeed);
  }

  @Override
  public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
    FeedSources s = byFeed.get(feed);
    return s == null ? null : s.lines(env, feed);
  }
}
