package io.seedbed.io;

import io.seedbed.pipeline.SeedbedSinks;
import io.seedbed.pool.PoolChange;
import java.time.Instant;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code pool_change} rows to a Kafka topic as JSON keyed by USCC, so downstream systems can
 * subscribe as well as read PostgreSQL. Other tables are not written here.
 */
public final class KafkaPoolChangeSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final KafkaSinkOptions options;

  public KafkaPoolChangeSinks(String topic, KafkaSinkOptions options) {
    this.topic = topic;
    this.options = options;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    if (table != OutputTables.POOL_CHANGE) {
      return;
    }
    OutputTable<PoolChange> changes = OutputTables.POOL_CHANGE;
    ((DataStream<PoolChange>) rows)
        .sinkTo(KafkaRowSink.sink(RowJson.ofColumns(c -> changes.toJsonRow(c, Instant.now()), "uscc"),
            topic, options))
        .uid("sink-kafka-pool-change")
        .name("Kafka " + topic);
  }
}
