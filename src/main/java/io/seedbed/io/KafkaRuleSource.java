package io.seedbed.io;

import io.seedbed.pipeline.RuleUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Rule files published to Kafka ({@code seedbed.rules}): key = file name such as
 * {@code rules/miit-2026.yaml}, value = its YAML text. The topic is meant to be compacted, so it
 * holds the latest text of every rule file.
 *
 * <p>Unlike the feeds this source always starts at the earliest offset, never at the group's
 * committed one: a job started without state must see every rule set in force, not only the files
 * published after the last run. A restore from a checkpoint or savepoint still resumes from the
 * offsets in its state, where the broadcast rule state already holds the earlier files.
 * Tombstones (null values) are skipped: a rule set is retired by a later effective-dated file,
 * not by deletion.
 */
public final class KafkaRuleSource {
  public static final String DEFAULT_TOPIC = "seedbed.rules";

  private KafkaRuleSource() {}

  /** The rule stream, with a stable uid and without watermarks (rules never hold back time). */
  public static DataStream<RuleUpdate> stream(StreamExecutionEnvironment env,
      KafkaSourceOptions options, String topic) {
    return env.fromSource(source(options, topic), WatermarkStrategy.noWatermarks(),
            "rule files from Kafka topic " + topic)
        .uid("source-kafka-rules");
  }

  public static KafkaSource<RuleUpdate> source(KafkaSourceOptions options, String topic) {
    KafkaSourceBuilder<RuleUpdate> builder = KafkaSource.<RuleUpdate>builder()
        .setProperties(KafkaProperties.of(options.properties()))
        .setBootstrapServers(options.bootstrapServers())
        .setGroupId(options.groupId())
        .setClientIdPrefix(options.groupId() + "-rules")
        .setTopics(topic)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new RuleUpdateDeserializer());
    if (options.boundedToLatest()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  static final class RuleUpdateDeserializer implements KafkaRecordDeserializationSchema<RuleUpdate> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleUpdate> out) {
      if (record.value() == null) {
        return;
      }
      String file = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
      String origin = "kafka:" + record.topic() + "-" + record.partition() + "@" + record.offset();
      out.collect(new RuleUpdate(file, new String(record.value(), StandardCharsets.UTF_8), origin));
    }

    @Override
    public TypeInformation<RuleUpdate> getProducedType() {
      return TypeInformation.of(RuleUpdate.class);
    }
  }
}
