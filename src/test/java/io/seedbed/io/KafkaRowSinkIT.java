package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.seedbed.testing.TestKafka;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rows written by KafkaRowSink, read back with a read_committed consumer. */
class KafkaRowSinkIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static TestKafka kafka;

  /** A pool_change-like row: enough columns to see the key and the JSON rendering. */
  public record ChangeRow(String uscc, String pool, String change, int version) {}

  private static final RowJson<ChangeRow> ROWS = RowJson.ofColumns(row -> {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("uscc", row.uscc());
    columns.put("pool", row.pool());
    columns.put("change", row.change());
    columns.put("rule_version", row.version());
    return columns;
  }, "uscc");

  private static final List<ChangeRow> CHANGES = List.of(
      new ChangeRow("91371100MA3C000001", "innovative_sme", "enter", 1),
      new ChangeRow("91371100MA3C000002", "specialized_sme", "enter", 1),
      new ChangeRow("91371100MA3C000001", "innovative_sme", "leave", 2));

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  @Test
  void atLeastOnceWritesJsonRowsKeyedByUscc() throws Exception {
    kafka.createTopic("changes-alo", 1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromData(CHANGES).sinkTo(KafkaRowSink.sink(ROWS, "changes-alo",
        KafkaSinkOptions.atLeastOnce(kafka.bootstrapServers())));
    env.execute("alo");

    assertThat(kafka.consumeAll("changes-alo", Duration.ofSeconds(30)))
        .extracting(ConsumerRecord::key, ConsumerRecord::value).containsExactly(
            tuple("91371100MA3C000001",
                "{\"uscc\":\"91371100MA3C000001\",\"pool\":\"innovative_sme\",\"change\":\"enter\",\"rule_version\":1}"),
            tuple("91371100MA3C000002",
                "{\"uscc\":\"91371100MA3C000002\",\"pool\":\"specialized_sme\",\"change\":\"enter\",\"rule_version\":1}"),
            tuple("91371100MA3C000001",
                "{\"uscc\":\"91371100MA3C000001\",\"pool\":\"innovative_sme\",\"change\":\"leave\",\"rule_version\":2}"));
  }

  @Test
  void exactlyOnceCommitsTheRowsOnTheFinalCheckpoint() throws Exception {
    kafka.createTopic("changes-eo", 2);
    // restart-strategy none: a broker-side refusal must fail the test, not loop (stack.md G6)
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
        Configuration.fromMap(Map.of("execution.checkpointing.interval", "200ms",
            "restart-strategy.type", "none")));
    env.setParallelism(2);
    // keyed by USCC upstream, as in the pipeline: one enterprise's rows leave through one writer
    env.fromData(CHANGES).keyBy(ChangeRow::uscc).sinkTo(KafkaRowSink.sink(ROWS, "changes-eo",
        KafkaSinkOptions.exactlyOnce(kafka.bootstrapServers(), "it-changes")));
    env.execute("eo");

    List<ConsumerRecord<String, String>> read = kafka.consumeAll("changes-eo", Duration.ofSeconds(30));
    assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        "91371100MA3C000001", "91371100MA3C000002", "91371100MA3C000001");
    // one USCC, one writer and one partition: the enterprise's changes stay in order
    assertThat(read.stream().filter(r -> r.key().endsWith("01")).map(ConsumerRecord::value))
        .containsExactly(
            "{\"uscc\":\"91371100MA3C000001\",\"pool\":\"innovative_sme\",\"change\":\"enter\",\"rule_version\":1}",
            "{\"uscc\":\"91371100MA3C000001\",\"pool\":\"innovative_sme\",\"change\":\"leave\",\"rule_version\":2}");
  }
}
