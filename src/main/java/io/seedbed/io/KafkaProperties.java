package io.seedbed.io;

import java.util.Map;
import java.util.Properties;

/** Kafka client properties from a plain map (the job file's {@code kafka.properties}). */
final class KafkaProperties {
  private KafkaProperties() {}

  static Properties of(Map<String, String> map) {
    Properties props = new Properties();
    props.putAll(map);
    return props;
  }
}
