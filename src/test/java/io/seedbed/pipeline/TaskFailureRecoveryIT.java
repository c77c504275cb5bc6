package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.testing.ChangeChains;
import io.seedbed.testing.FailOnce;
import io.seedbed.testing.FailingPipeline;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.TableDiff;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: task failures at random points lose and double nothing. A generated city runs once
 * without failures and once with five failures injected (in the tax feed's lines before decoding
 * and in front of the pool_change and pool_membership sinks), checkpoints every 200 ms, parallelism 2.
 *
 * <p>Both runs stream with checkpoints and therefore write PostgreSQL through the transactional
 * sinks ({@link DatabaseSinks#transactional}): a replay may take another path through an
 * enterprise's history than the failed attempt, and only one of the two may reach pool_change.
 * (With the direct at-least-once writer this test fails: first sights written twice.)
 *
 * <p>What is compared: the tables whose content does not depend on the order in which the five
 * feeds' records reach an enterprise (rejected_record, reward) must equal the clean run;
 * pool_change must form unbroken chains ending at pool_membership, with no change written twice.
 * pool_change/pool_membership/candidate/district_progress/indicator_snapshot are NOT compared row for row: two clean
 * runs already differ there, because the enterprise processor re-evaluates on every record and
 * feed interleaving varies (docs/reliability.md, "Known limits"). Incident is left out because its
 * derived ids collide across enterprises (same doc).
 */
@Tag("slow")
class TaskFailureRecoveryIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final List<String> ORDER_INDEPENDENT =
      List.of("rejected_record", "reward");

  @TempDir static Path city;

  /**
   * Checkpoints every 200 ms (also after bounded sources finish); restart quickly, many times. The
   * PostgreSQL sinks are transactional, as in every streaming run: rows appear when their checkpoint
   * completes, so a replay's history replaces the failed attempt's uncommitted one.
   */
  private static Configuration checkpointed() {
    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", "200ms");
    // Exactly-once barriers: the transactional sinks require them (a batch committed under an
    // at-least-once checkpoint could hold rows that the restore replays and re-derives).
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "20");
    conf.setString("restart-strategy.fixed-delay.delay", "100ms");
    return conf;
  }

  @Test
  void failuresAtRandomPointsLoseAndDoubleNothing() throws Exception {
    new CityGenerator(60, YearMonth.of(2024, 1), YearMonth.of(2026, 6), 11).generate(city);
    Database clean = TestPostgres.freshDatabase();
    PipelineRuns.run(PipelineRuns.files(city), DatabaseSinks.transactional(clean), 2, checkpointed());
    Map<String, List<String>> reference = only(TableDump.of(clean));

    Database failing = TestPostgres.freshDatabase();
    FailOnce.arm(5);
    PipelineRuns.run(
        FailingPipeline.sources(PipelineRuns.files(city), Set.of(Feed.TAX), 42, 3000),
        FailingPipeline.sinks(DatabaseSinks.transactional(failing), Set.of("pool_change", "pool_membership"), 42, 60),
        2, checkpointed());

    assertThat(FailOnce.injected()).as("failures injected").isEqualTo(5);
    assertThat(TableDiff.between(reference, only(TableDump.of(failing)))).isEmpty();
    assertThat(ChangeChains.breaks(clean)).as("clean run").isEmpty();
    assertThat(ChangeChains.breaks(failing)).as("run with failures").isEmpty();
    assertThat(sameChangeTwice(clean)).as("clean run").isEmpty();
    assertThat(sameChangeTwice(failing)).as("run with failures").isEmpty();
    assertThat(TestPostgres.count(failing, "pool_change")).isPositive();
  }

  /**
   * Changes written twice under different ids (e.g. by the failed attempt and by the replay). A
   * streaming run decides after every record, so a status may legitimately flap within one event
   * time when several records share it (exited → candidate → exited → candidate at a month end:
   * docs/time.md); such a walk repeats a transition as often as its reverse, plus one. Only
   * repeats beyond that are doubles.
   */
  private static List<Map<String, Object>> sameChangeTwice(Database db) throws Exception {
    return TestPostgres.query(db, "SELECT c.uscc, c.pool, c.from_status, c.to_status, c.event_time,"
        + " c.n, coalesce(r.n, 0) AS reverse_n"
        + " FROM (SELECT uscc, pool, from_status, to_status, event_time, count(*) AS n FROM pool_change"
        + "       GROUP BY uscc, pool, from_status, to_status, event_time) c"
        + " LEFT JOIN (SELECT uscc, pool, from_status, to_status, event_time, count(*) AS n FROM pool_change"
        + "       GROUP BY uscc, pool, from_status, to_status, event_time) r"
        + "   ON r.uscc = c.uscc AND r.pool = c.pool AND r.event_time = c.event_time"
        + "  AND r.from_status IS NOT DISTINCT FROM c.to_status AND r.to_status = c.from_status"
        + " WHERE c.n > coalesce(r.n, 0) + 1");
  }

  private static Map<String, List<String>> only(Map<String, List<String>> dump) {
    dump.keySet().retainAll(ORDER_INDEPENDENT);
    return dump;
  }
}
