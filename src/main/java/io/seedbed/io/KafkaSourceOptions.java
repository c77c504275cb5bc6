package io.seedbed.io;

import io.seedbed.feed.Feed;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * How Seedbed's Kafka sources connect and where they start. Shared by the feed sources and the rule
 * source; lives inside the job graph, hence serializable.
 *
 * @param bootstrapServers the brokers, {@code host:port,...}
 * @param groupId the consumer group; offsets are committed to it on every checkpoint
 * @param topicPrefix feed topics are {@code prefix + feed id}, e.g. {@code seedbed.tax}
 * @param boundedToLatest read up to the offsets that are latest when the job starts, then end
 *     (tests and backtests); false reads forever
 * @param properties extra consumer properties (security, timeouts); they cannot override the
 *     bootstrap servers or group id set above
 */
public record KafkaSourceOptions(String bootstrapServers, String groupId, String topicPrefix,
    boolean boundedToLatest, Map<String, String> properties) implements Serializable {

  public static final String DEFAULT_TOPIC_PREFIX = "seedbed.";

  public KafkaSourceOptions {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(groupId, "groupId");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    properties = Map.copyOf(properties);
  }

  /** Unbounded, default topic prefix, no extra properties. */
  public static KafkaSourceOptions of(String bootstrapServers, String groupId) {
    return new KafkaSourceOptions(bootstrapServers, groupId, DEFAULT_TOPIC_PREFIX, false, Map.of());
  }

  public KafkaSourceOptions withTopicPrefix(String prefix) {
    return new KafkaSourceOptions(bootstrapServers, groupId, prefix, boundedToLatest, properties);
  }

  public KafkaSourceOptions boundedToLatest(boolean bounded) {
    return new KafkaSourceOptions(bootstrapServers, groupId, topicPrefix, bounded, properties);
  }

  public KafkaSourceOptions withProperties(Map<String, String> extra) {
    return new KafkaSourceOptions(bootstrapServers, groupId, topicPrefix, boundedToLatest, extra);
  }

  /** The topic a feed is read from under the prefix. */
  public String topic(Feed feed) {
    return topicPrefix + feed.id();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Kafka " + name + " must be set");
    }
  }
}
