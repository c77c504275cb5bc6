package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.rule.Pool;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped samples (2,000 enterprises, 2022-01 to 2026-10) through the real pipeline at
 * parallelism 2 into a real PostgreSQL and JSON lines: the two outputs hold the same rows, and the
 * city looks like a city (every pool has members; there are suspensions and candidates).
 */
class SamplesPipelineIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  static Path jsonOut;

  static Database db;

  @BeforeAll
  static void runSamples() throws Exception {
    db = TestPostgres.freshDatabase();
    PipelineRuns.run(ProjectFiles.path("samples"), ProjectFiles.path("config"), db, 2, jsonOut);
  }

  @Test
  void postgresHoldsExactlyTheRowsWrittenAsJsonLines() throws Exception {
    for (OutputTable<?> table : OutputTables.ALL) {
      List<String> inDatabase = TableDump.fromDatabase(db, table);
      List<String> inJson = TableDump.fromJsonLines(jsonOut, table);
      assertThat(inDatabase).as(table.name).isNotEmpty();
      assertThat(inJson).as(table.name).containsExactlyElementsOf(inDatabase);
    }
  }

  @Test
  void everyEnterpriseHasASnapshotWithTheTrailingTwelveMonths() throws Exception {
    assertThat(TestPostgres.count(db, "indicator_snapshot")).isEqualTo(2000);
    Map<String, Object> filled = TestPostgres.query(db,
        "SELECT count(sales_ttm) AS sales, count(tax_paid_ttm) AS tax, count(sales_growth_yoy) AS growth,"
            + " count(sme_class) AS sme, count(district) AS district FROM indicator_snapshot").get(0);
    // Firms that closed or registered late lack 12 (or 24) months; most have them.
    assertThat(((Number) filled.get("sales")).longValue()).isGreaterThan(1500);
    assertThat(((Number) filled.get("tax")).longValue()).isGreaterThan(1500);
    assertThat(((Number) filled.get("growth")).longValue()).isGreaterThan(1200);
    assertThat(((Number) filled.get("district")).longValue()).isEqualTo(2000);
  }

  @Test
  void everyPoolHasMembersAndTheCityHasSuspensionsAndCandidates() throws Exception {
    for (Pool pool : Pool.values()) {
      long members = ((Number) TestPostgres.query(db, "SELECT count(*) AS n FROM pool_membership"
          + " WHERE status = 'member' AND pool = '" + pool.code() + "'").get(0).get("n")).longValue();
      assertThat(members).as(pool.code() + " members").isPositive();
    }
    assertThat(TestPostgres.query(db, "SELECT count(*) AS n FROM pool_membership WHERE status = 'suspended'")
        .get(0).get("n")).satisfies(n -> assertThat(((Number) n).longValue()).isPositive());
    assertThat(TestPostgres.count(db, "candidate")).isPositive();
    assertThat(TestPostgres.count(db, "incident")).isPositive();
    assertThat(TestPostgres.count(db, "reward")).isPositive();
  }

  @Test
  void everyPoolChangeExplainsItselfWithCriteriaAndARuleSet() throws Exception {
    List<Map<String, Object>> unexplained = TestPostgres.query(db,
        "SELECT change_id FROM pool_change WHERE rule_set IS NULL OR rule_version IS NULL"
            + " OR jsonb_array_length(criteria) = 0"
            + " OR EXISTS (SELECT 1 FROM jsonb_array_elements(criteria) c"
            + "   WHERE NOT (c ? 'name' AND c ? 'value' AND c ? 'threshold' AND c ? 'passed')) LIMIT 5");
    assertThat(unexplained).isEmpty();
  }

  @Test
  void theRejectedLinesOfTheSamplesAreAllThereWithReasons() throws Exception {
    // samples/README.md: about 0.5% malformed lines, each a distinct raw line.
    long rejected = TestPostgres.count(db, "rejected_record");
    assertThat(rejected).isBetween(1000L, 3000L);
    assertThat(TestPostgres.query(db, "SELECT count(*) AS n FROM rejected_record WHERE reason IS NULL"
        + " OR message = '' OR raw = ''").get(0).get("n")).satisfies(n ->
        assertThat(((Number) n).longValue()).isZero());
  }
}
