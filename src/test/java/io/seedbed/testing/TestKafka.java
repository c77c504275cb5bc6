package io.seedbed.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM: one combined KRaft node (broker + controller) on loopback, its
 * data under target/. Use one per test class; {@link #close()} stops it and deletes the data.
 */
public final class TestKafka implements AutoCloseable {
  private final KafkaClusterTestKit kit;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Admin admin;

  private TestKafka(KafkaClusterTestKit kit) {
    this.kit = kit;
    this.admin = Admin.create(Map.of("bootstrap.servers", kit.bootstrapServers()));
    this.producer = new KafkaProducer<>(producerProps(kit.bootstrapServers()));
  }

  public static TestKafka start() throws Exception {
    Path base = Files.createDirectories(Path.of("target", "kafka"));
    KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
            .setBaseDirectory(Files.createTempDirectory(base, "kraft-"))
            .build())
        // one node: internal topics must not ask for three replicas (stack.md G5)
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setDeleteOnClose(true)
        .build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return new TestKafka(kit);
    } catch (Exception e) {
      kit.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** Creates a topic and returns once every partition has a leader (stack.md G7). */
  public void createTopic(String topic, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
        .get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
            .get(10, TimeUnit.SECONDS).get(topic);
        if (d.partitions().size() == partitions
            && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " has no leader after 30 s");
      }
      Thread.sleep(50);
    }
  }

  /** Sends one message and waits for the broker's acknowledgement. A null key or value is sent as null. */
  public void produce(String topic, String key, String value) throws Exception {
    produce(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  public void produce(String topic, byte[] key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }

  /**
   * Sends many values (no key) and waits once for every acknowledgement: per-message waits would
   * make a city's tens of thousands of lines take minutes.
   */
  public void produceAll(String topic, List<String> values) throws Exception {
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>(values.size());
    for (String v : values) {
      sent.add(producer.send(new ProducerRecord<>(topic, null, v.getBytes(StandardCharsets.UTF_8))));
    }
    producer.flush();
    for (java.util.concurrent.Future<?> f : sent) {
      f.get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Every committed message now in the topic, read from the beginning of each partition without a
   * consumer group (stack.md G5), in partition then offset order. Reads until {@code timeout}
   * passes with the end offsets reached.
   *
   * <p>A transaction's commit returns to the producer once the coordinator has logged it; the
   * commit markers reach the partitions after that. Until then a read_committed end offset (the
   * last stable offset) stays before the transaction's records, and a read straight after a job
   * committed found nothing (KafkaRowSinkIT, once). So this first waits, for at most
   * {@link #SETTLE}, until no partition has a transaction in flight (its last stable offset equals
   * its high watermark), then reads up to the last stable offsets. A transaction still open after
   * that (one a killed TaskManager left, until Flink or the broker aborts it) is not waited for:
   * its records are not committed, and they are not read.
   */
  public List<ConsumerRecord<String, String>> consumeAll(String topic, Duration timeout)
      throws Exception {
    return consumeAll(topic, timeout, SETTLE);
  }

  /** {@link #consumeAll(String, Duration)}, waiting at most {@code settle} for commit markers. */
  List<ConsumerRecord<String, String>> consumeAll(String topic, Duration timeout, Duration settle)
      throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    props.put("isolation.level", "read_committed");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition())).sorted(
              (a, b) -> Integer.compare(a.partition(), b.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = lastStableOffsets(partitions, settle);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("read " + records.size() + " of " + topic + " within "
              + timeout + "; end offsets " + end);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
              r.timestampType(), r.serializedKeySize(), r.serializedValueSize(),
              r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
              r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
              r.headers(), r.leaderEpoch()));
        }
      }
      records.sort((a, b) -> a.partition() != b.partition()
          ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
      return records;
    }
  }

  /** How long {@link #consumeAll} waits for commit markers to reach the partitions. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  /**
   * The partitions' last stable offsets (the read_committed end offsets) once no transaction is in
   * flight on any of them, or as they are when {@code settle} has passed.
   */
  private Map<TopicPartition, Long> lastStableOffsets(List<TopicPartition> partitions,
      Duration settle) throws Exception {
    long deadline = System.nanoTime() + settle.toNanos();
    while (true) {
      Map<TopicPartition, Long> stable = endOffsets(partitions, IsolationLevel.READ_COMMITTED);
      Map<TopicPartition, Long> high = endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED);
      if (stable.equals(high) || System.nanoTime() > deadline) {
        return stable;
      }
      Thread.sleep(50);
    }
  }

  private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions, IsolationLevel level)
      throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(level)).all().get(10, TimeUnit.SECONDS)
        .forEach((p, info) -> offsets.put(p, info.offset()));
    return offsets;
  }

  /**
   * A plain producer that cannot get stuck after a leader change: no idempotence, one request in
   * flight, all acks (stack.md G7).
   */
  private static Properties producerProps(String bootstrapServers) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("enable.idempotence", "false");
    props.put("max.in.flight.requests.per.connection", "1");
    props.put("acks", "all");
    props.put("key.serializer", ByteArraySerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    return props;
  }

  @Override
  public void close() throws Exception {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
    kit.close();
  }
}
