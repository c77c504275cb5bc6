package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.io.OutputTables;
import io.seedbed.pool.PoolChange;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules stream never holds back event time: with a followed rules folder attached (a source
 * that never ends) and followed feeds (the input never ends either), a suspension's wake-up timer
 * fires when the feeds' watermark passes it, and lifts the suspension at exactly its end.
 */
class RuleStreamWatermarkIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  /** S: 2 M a month from 2025-05 to 2028-02, a major safety accident on 2026-06-15. */
  private static final String S = LiveCity.uscc(11);
  /** T: one return filed 2028-10-10, which moves the tax watermark past S's block end. */
  private static final String T = LiveCity.uscc(12);

  @TempDir
  Path tmp;

  @Test
  void aSuspensionEndsAtItsWakeUpWhileTheRulesStreamRuns() throws Exception {
    LiveCity city = new LiveCity(tmp);
    List<String> tax = new ArrayList<>(
        LiveCity.vatReturns(S, YearMonth.of(2025, 5), YearMonth.of(2028, 2), 2_000_000));
    tax.addAll(LiveCity.vatReturns(T, YearMonth.of(2028, 9), YearMonth.of(2028, 9), 100_000));
    city.writeFeed("tax/all.jsonl", tax);
    city.writeFeed("registry/all.jsonl", List.of(LiveCity.profile(S), LiveCity.profile(T)));
    city.writeFeed("credit/all.jsonl", List.of("{\"kind\":\"accident\",\"uscc\":\"" + S
        + "\",\"caseId\":\"RZ-ACC-1\",\"category\":\"safety\",\"severity\":\"major\","
        + "\"occurredAt\":\"2026-06-15T10:00:00+08:00\"}"));

    JobClient job = city.start(Instant.parse("2029-01-01T00:00:00Z"));
    try {
      LiveCity.await(() -> changes(city).stream().anyMatch(c -> "incident_expired".equals(c.reason)),
          () -> changes(city).size());
    } finally {
      job.cancel().get();
    }
    assertThat(changes(city)).extracting(c -> c.fromStatus + " -> " + c.toStatus + " " + c.reason)
        .containsSubsequence("suspended -> member incident_expired");
    PoolChange lifted = changes(city).stream()
        .filter(c -> "incident_expired".equals(c.reason)).findFirst().orElseThrow();
    // Decided by the timer at the block's end (the city look-back, vetoes.city.lookBackYears = 2
    // in config/city/pools.yaml): S's last event, filed 2028-03-10, is earlier.
    assertThat(lifted.uscc).isEqualTo(S);
    assertThat(lifted.pool).isEqualTo("scale_up");
    assertThat(lifted.eventTime).isEqualTo(Instant.parse("2028-06-15T02:00:00Z"));
  }

  private static List<PoolChange> changes(LiveCity city) {
    return city.sinks.rows(OutputTables.POOL_CHANGE);
  }
}
