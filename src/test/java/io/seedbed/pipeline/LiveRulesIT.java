package io.seedbed.pipeline;

import static io.seedbed.pipeline.LiveCity.A;
import static io.seedbed.pipeline.LiveCity.B;
import static io.seedbed.pipeline.LiveCity.LATEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.io.OutputTables;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule updates reaching a running job (parallelism 2) through its watched config folder, with
 * real rule files copied from config/ and edited here. Each test waits until the job has settled
 * on the feeds before it publishes a rule file, so the update lands mid-stream.
 */
class LiveRulesIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
  /** The 小升规 approach band in config/city/rizhao.yaml (criteria.md §9). */
  private static final String APPROACH_BAND_15M = "op: \">=\", value: 15000000}";

  @TempDir
  Path tmp;

  @Test
  void loweringTheApproachBandMidStreamMovesExactlyTheEnterpriseInBetween() throws Exception {
    LiveCity city = new LiveCity(tmp).withThreeEnterprises();
    JobClient job = city.start(NOW);
    try {
      LiveCity.await(() -> changes(city).size() == 2, () -> rowCount(city));
      // Under the shipped band: B (24 M) is a member, A (12 M) only near it, C (6 M) nothing.
      assertThat(changes(city)).extracting(c -> c.uscc, c -> c.fromStatus, c -> c.toStatus,
          c -> c.reason).containsExactlyInAnyOrder(
              tuple(B, null, "member", "criteria_met"),
              tuple(A, null, "candidate", "near_criteria"));

      city.publish("city/rizhao.yaml", city.edited("city/rizhao.yaml", APPROACH_BAND_15M,
          "op: \">=\", value: 10000000}"));
      LiveCity.await(() -> changes(city).size() > 2, () -> rowCount(city));

      // 10 M admits A (12 M) only; B was already in and C (6 M) stays below.
      List<PoolChange> rulesChanged = changes(city).stream()
          .filter(c -> c.reason.equals("rules_changed")).toList();
      assertThat(rulesChanged).extracting(c -> c.uscc, c -> c.pool, c -> c.fromStatus,
          c -> c.toStatus, c -> c.eventTime, c -> c.ruleSet, c -> c.ruleVersion)
          .containsExactly(tuple(A, "scale_up", "candidate", "member", LATEST, "miit-2026", 1));
      assertThat(changes(city)).hasSize(3);
      assertThat(rulesChanged.get(0).criteria).contains("\"value\":1.2E7,\"threshold\":1.0E7");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void versionsArrivingInReverseOrderEndOnTheHigherOne() throws Exception {
    LiveCity city = new LiveCity(tmp).withThreeEnterprises();
    JobClient job = city.start(NOW);
    try {
      LiveCity.await(() -> !memberships(city, B).isEmpty(), () -> rowCount(city));
      city.publish("rules/miit-2026-v3.yaml",
          city.edited("rules/miit-2026.yaml", "version: 1", "version: 3"));
      LiveCity.await(() -> last(memberships(city, B)).ruleVersion == 3, () -> rowCount(city));
      // v2 arrives after v3; the invalid file behind it (same scan, later name) marks that the
      // job has read v2 when its rejected row appears.
      city.publish("rules/miit-2026-v2.yaml",
          city.edited("rules/miit-2026.yaml", "version: 1", "version: 2"));
      city.publish("rules/zz-marker.yaml", "id: Not-An-Id\n");
      LiveCity.await(() -> !rejected(city).isEmpty(), () -> rowCount(city));
      // A new return for B (TTM 11 x 2 M + 3 M) is decided under v3, not v2.
      city.writeFeed("tax/b-later.jsonl", LiveCity.vatReturns(B, YearMonth.of(2026, 5),
          YearMonth.of(2026, 5), 3_000_000));
      LiveCity.await(() -> last(memberships(city, B)).criteria.contains("2.5E7"),
          () -> rowCount(city));

      assertThat(memberships(city, B)).extracting(m -> m.ruleVersion).containsExactly(1, 3, 3);
      assertThat(city.sinks.rows(OutputTables.POOL_MEMBERSHIP))
          .allSatisfy(m -> assertThat(m.ruleVersion).isNotEqualTo(2));
      // The version bump moved nobody: no pool_change, only re-stamped memberships.
      assertThat(changes(city)).noneMatch(c -> c.reason.equals("rules_changed"));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void anInvalidFileIsRejectedAndTheVersionInForceKeepsDeciding() throws Exception {
    LiveCity city = new LiveCity(tmp).withThreeEnterprises();
    JobClient job = city.start(NOW);
    try {
      LiveCity.await(() -> changes(city).size() == 2, () -> rowCount(city));
      String invalid = city.edited("rules/miit-2026.yaml", "version: 1", "version: 2")
          .replace("effectiveFrom: 2026-04-01", "effectiveFrom: 2026-13-01");
      city.publish("rules/miit-2026-v2.yaml", invalid);
      LiveCity.await(() -> !rejected(city).isEmpty(), () -> rowCount(city));

      assertThat(rejected(city)).singleElement().satisfies(r -> {
        assertThat(r.feed).isEqualTo("rules");
        assertThat(r.reason).isEqualTo("invalid_rules");
        assertThat(r.message).startsWith("rules/miit-2026-v2.yaml:9: field 'effectiveFrom': not a date");
        assertThat(r.raw).hasSize(RejectedRecord.MAX_RAW_CHARS);
        assertThat(invalid).startsWith(r.raw);
      });
      // A's next return (TTM now 16 M) is decided by v1, which admits it.
      city.writeFeed("tax/a-later.jsonl", LiveCity.vatReturns(A, YearMonth.of(2026, 5),
          YearMonth.of(2026, 5), 5_000_000));
      LiveCity.await(() -> changes(city).size() == 3, () -> rowCount(city));
      assertThat(last(changes(city))).extracting(c -> c.uscc, c -> c.toStatus, c -> c.reason,
          c -> c.ruleVersion).containsExactly(A, "member", "criteria_met", 1);
      assertThat(city.sinks.rows(OutputTables.POOL_MEMBERSHIP))
          .allSatisfy(m -> assertThat(m.ruleVersion).isEqualTo(1));
    } finally {
      job.cancel().get();
    }
  }

  static int rowCount(LiveCity city) {
    return city.sinks.rows(OutputTables.POOL_MEMBERSHIP).size()
        + city.sinks.rows(OutputTables.INDICATOR_SNAPSHOT).size() + rejected(city).size();
  }

  static List<PoolChange> changes(LiveCity city) {
    return city.sinks.rows(OutputTables.POOL_CHANGE);
  }

  static List<RejectedRecord> rejected(LiveCity city) {
    return city.sinks.rows(OutputTables.REJECTED_RECORD);
  }

  static List<PoolMembership> memberships(LiveCity city, String uscc) {
    return city.sinks.rows(OutputTables.POOL_MEMBERSHIP).stream()
        .filter(m -> m.uscc.equals(uscc) && m.pool.equals("scale_up")).toList();
  }

  static <T> T last(List<T> rows) {
    return rows.get(rows.size() - 1);
  }
}
