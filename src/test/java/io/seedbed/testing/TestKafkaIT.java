package io.seedbed.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestKafkaIT {
  private static TestKafka kafka;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    kafka = TestKafka.start();
    System.out.printf("TestKafka started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  @Test
  void producedRecordsComeBackInOrderPerPartition() throws Exception {
    kafka.createTopic("roundtrip", 3);
    for (int i = 0; i < 100; i++) {
      kafka.produce("roundtrip", "k" + i, "v" + i);
    }

    List<ConsumerRecord<String, String>> records = kafka.consumeAll("roundtrip", Duration.ofSeconds(30));

    assertThat(records).hasSize(100);
    assertThat(records).extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(i -> "v" + i).toList());
    // the default partitioner hashes the key: one key, one partition, so k7 always carries v7
    assertThat(records).allSatisfy(r -> assertThat(r.value()).isEqualTo("v" + r.key().substring(1)));
    // within a partition, offsets are consecutive from 0
    for (int p = 0; p < 3; p++) {
      int partition = p;
      List<Long> offsets = records.stream().filter(r -> r.partition() == partition)
          .map(ConsumerRecord::offset).toList();
      assertThat(offsets).isEqualTo(LongStream.range(0, offsets.size()).boxed().toList());
    }
  }

  @Test
  void anOpenTransactionIsNotReadAndItsRecordsAreOnceItCommits() throws Exception {
    kafka.createTopic("txn", 2);
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("transactional.id", "test-kafka-it");
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("txn", "k1", "committed later"));
      producer.flush();

      // in flight: the settle wait gives up and nothing uncommitted is read
      assertThat(kafka.consumeAll("txn", Duration.ofSeconds(10), Duration.ofMillis(300))).isEmpty();

      producer.commitTransaction();
      // read at once after the commit returned, before or after its markers reached the partition
      assertThat(kafka.consumeAll("txn", Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
          .containsExactly("committed later");
    }
  }

  @Test
  void anEmptyTopicReadsAsEmpty() throws Exception {
    kafka.createTopic("empty", 1);
    assertThat(kafka.consumeAll("empty", Duration.ofSeconds(10))).isEmpty();
  }
}
