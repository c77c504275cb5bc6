package io.seedbed.pipeline;

import io.seedbed.feed.Feed;
import io.seedbed.io.RawLine;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where the feeds come from: files, Kafka, or a test's fixed lines. */
public interface FeedSources extends Serializable {
  /** The raw lines of {@code feed}, or null when the feed has nothing to read. */
  DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed);
}
