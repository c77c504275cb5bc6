package io.seedbed.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Output rows to a Kafka topic as JSON messages keyed by the row's key (e.g. {@code pool_change}
 * rows to {@code seedbed.pool-changes} keyed by USCC), so one enterprise's changes stay in order
 * on one partition.
 */
public final class KafkaRowSink {
  private KafkaRowSink() {}

  public static <T> KafkaSink<T> sink(RowJson<T> rows, String topic, KafkaSinkOptions options) {
    KafkaSinkBuilder<T> builder = KafkaSink.<T>builder()
        .setKafkaProducerConfig(KafkaProperties.of(options.producerProperties()))
        .setBootstrapServers(options.bootstrapServers())
        .setRecordSerializer(new RowSerializer<>(rows, topic))
        .setDeliveryGuarantee(options.guarantee());
    if (options.guarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
      builder.setTransactionalIdPrefix(options.transactionalIdPrefix());
    }
    return builder.build();
  }

  static final class RowSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final RowJson<T> rows;
    private final String topic;

    RowSerializer(RowJson<T> rows, String topic) {
      this.rows = rows;
      this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T row, KafkaSinkContext context, Long timestamp) {
      return new ProducerRecord<>(topic, rows.key(row).getBytes(StandardCharsets.UTF_8),
          rows.json(row).getBytes(StandardCharsets.UTF_8));
    }
  }
}
