package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.CollectingSinks;
import io.seedbed.testing.PipelineRuns;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile lines through the whole pipeline: a 10 MB line, a long non-JSON line and binary junk are
 * each rejected with a reason, and the stored raw text is capped at {@link RejectedRecord#MAX_RAW_CHARS}.
 */
class HostileInputIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @Test
  void everyHostileLineIsRejectedWithAReasonAndACappedRawText(@TempDir Path feeds) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(feeds.resolve("tax.jsonl"), StandardCharsets.UTF_8)) {
      w.write("{\"kind\":\"vat_return\",\"payload\":\"");
      for (int i = 0; i < 10 * 1024; i++) {
        w.write("y".repeat(1024));
      }
      w.write("\"}\n");
      w.write("not json ".repeat(2000) + "\n");
      w.write("\u0000\u0001\u0002\u00ff\n");
    }
    CollectingSinks sinks = new CollectingSinks();
    PipelineRuns.run(PipelineRuns.files(feeds), sinks, 2, new Configuration());

    List<RejectedRecord> rejected = sinks.rows(OutputTables.REJECTED_RECORD);
    Map<String, Long> byReason = rejected.stream()
        .collect(Collectors.groupingBy(r -> r.reason, Collectors.counting()));
    assertThat(rejected).hasSize(3);
    assertThat(byReason).containsEntry("line_too_long", 1L);
    assertThat(rejected).allSatisfy(r -> {
      assertThat(r.message).isNotBlank();
      assertThat(r.raw.length()).isLessThanOrEqualTo(RejectedRecord.MAX_RAW_CHARS);
      assertThat(r.feed).isEqualTo("tax");
    });
    assertThat(sinks.rows(OutputTables.POOL_CHANGE)).isEmpty();
  }
}
