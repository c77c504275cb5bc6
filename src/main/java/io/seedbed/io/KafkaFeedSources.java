package io.seedbed.io;

import io.seedbed.feed.Feed;
import io.seedbed.feed.Json;
import io.seedbed.pipeline.FeedSources;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The feeds from Kafka: one topic per feed, one JSON record per message. A feed without a topic
 * here has nothing to read (files may serve it instead, chosen per feed in the job file).
 *
 * <p>A new consumer group starts at the earliest offset, so the first run reads each feed's whole
 * retained history; afterwards the group's committed offsets (committed on each checkpoint) are
 * the starting point, and a restore from a checkpoint or savepoint uses the offsets in its state.
 */
public final class KafkaFeedSources implements FeedSources {
  private static final long serialVersionUID = 1L;

  /** Bytes kept of an over-long message: the same cap as the file reader's lines. */
  public static final int CAP_BYTES = Json.MAX_LINE_CHARS * 4;

  private final KafkaSourceOptions options;
  private final Map<Feed, String> topics;

  /** Reads each feed in {@code topics} from its topic. */
  public KafkaFeedSources(KafkaSourceOptions options, Map<Feed, String> topics) {
    this.options = options;
    this.topics = new EnumMap<>(topics);
  }

  /** Every data feed from {@code prefix + feed id}, e.g. {@code seedbed.tax}. */
  public static KafkaFeedSources allFeeds(KafkaSourceOptions options) {
    return new KafkaFeedSources(options, Arrays.stream(Feed.DATA)
        .collect(Collectors.toMap(Function.identity(), options::topic)));
  }

  @Override
  public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
    String topic = topics.get(feed);
    if (topic == null) {
      return null;
    }
    // Event time is known only after decoding; the pipeline assigns watermarks there, per feed.
    return env.fromSource(source(feed, topic), WatermarkStrategy.noWatermarks(),
            feed.id() + " feed from Kafka topic " + topic)
        .uid("source-kafka-" + feed.id());
  }

  KafkaSource<RawLine> source(Feed feed, String topic) {
    KafkaSourceBuilder<RawLine> builder = KafkaSource.<RawLine>builder()
        .setProperties(KafkaProperties.of(options.properties()))
        .setBootstrapServers(options.bootstrapServers())
        .setGroupId(options.groupId())
        .setClientIdPrefix(options.groupId() + "-" + feed.id())
        .setTopics(topic)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawLineDeserializer(CAP_BYTES));
    if (options.boundedToLatest()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }
}
