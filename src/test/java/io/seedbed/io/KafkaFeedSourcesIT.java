package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Feed;
import io.seedbed.feed.Json;
import io.seedbed.pipeline.RuleUpdate;
import io.seedbed.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feed and rule topics read through the real sources, bounded to the offsets present at start. */
class KafkaFeedSourcesIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static TestKafka kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  @Test
  void readsEachFeedFromItsTopicAndOnlyTheFeedsItHas() throws Exception {
    kafka.createTopic("t1.tax", 2);
    kafka.createTopic("t1.energy", 1);
    kafka.produce("t1.tax", "91371100MA3C000001", "{\"kind\":\"vat_return\",\"n\":1}");
    kafka.produce("t1.tax", "91371100MA3C000002", "{\"kind\":\"vat_return\",\"n\":2}\r\n");
    kafka.produce("t1.tax", null, "纳税 {\"n\":3}\n");
    kafka.produce("t1.tax", "tombstone", null);
    kafka.produce("t1.energy", null, "{\"kind\":\"meter_reading\"}");

    KafkaFeedSources sources = new KafkaFeedSources(options("t1."),
        Map.of(Feed.TAX, "t1.tax", Feed.ENERGY, "t1.energy"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    assertThat(sources.lines(env, Feed.CREDIT)).isNull();
    List<RawLine> tax = collect(sources.lines(env, Feed.TAX));
    List<RawLine> energy = collect(sources.lines(env, Feed.ENERGY));

    assertThat(tax).extracting(l -> l.text).containsExactlyInAnyOrder(
        "{\"kind\":\"vat_return\",\"n\":1}",
        "{\"kind\":\"vat_return\",\"n\":2}",
        "纳税 {\"n\":3}");
    // bytes count the UTF-8 line without its newline: 纳税 is 6 bytes, then 8 ASCII; the JSON lines are 27 ASCII
    assertThat(tax).extracting(l -> l.bytes).containsExactlyInAnyOrder(27L, 27L, 14L);
    assertThat(tax).noneMatch(l -> l.truncated);
    assertThat(energy).extracting(l -> l.text).containsExactly("{\"kind\":\"meter_reading\"}");
  }

  @Test
  void aMessageOverTheCapArrivesTruncatedToItsFirstBytes() throws Exception {
    kafka.createTopic("t2.patent", 1);
    int cap = Json.MAX_LINE_CHARS * 4;
    byte[] huge = new byte[cap + 10];
    Arrays.fill(huge, (byte) 'x');
    kafka.produce("t2.patent", null, huge);
    kafka.produce("t2.patent", null, "{\"after\":true}".getBytes(StandardCharsets.UTF_8));

    List<RawLine> lines = collect(KafkaFeedSources.allFeeds(options("t2."))
        .lines(StreamExecutionEnvironment.getExecutionEnvironment(), Feed.PATENT));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).truncated).isTrue();
    assertThat(lines.get(0).bytes).isEqualTo(cap + 10L);
    assertThat(lines.get(0).text).hasSize(cap).matches("x+");
    assertThat(lines.get(1).text).isEqualTo("{\"after\":true}");
    assertThat(lines.get(1).truncated).isFalse();
  }

  @Test
  void ruleFilesArriveWithNameTextAndOrigin() throws Exception {
    kafka.createTopic("t3.rules", 1);
    kafka.produce("t3.rules", "rules/miit-2026.yaml", "version: miit-2026\n");
    kafka.produce("t3.rules", "rules/miit-2026.yaml", null);
    kafka.produce("t3.rules", "rules/city-2026.yaml", "version: 城市-2026\n");

    List<RuleUpdate> updates = collect(KafkaRuleSource.stream(
        StreamExecutionEnvironment.getExecutionEnvironment(), options("t3."), "t3.rules"));

    assertThat(updates).extracting(u -> u.file, u -> u.text, u -> u.origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple("rules/miit-2026.yaml", "version: miit-2026\n",
            "kafka:t3.rules-0@0"),
        org.assertj.core.groups.Tuple.tuple("rules/city-2026.yaml", "version: 城市-2026\n",
            "kafka:t3.rules-0@2"));
  }

  private static KafkaSourceOptions options(String prefix) {
    return KafkaSourceOptions.of(kafka.bootstrapServers(), "it-" + prefix)
        .withTopicPrefix(prefix).boundedToLatest(true);
  }

  private static <T> List<T> collect(DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
