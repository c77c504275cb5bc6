package io.seedbed.cli;

import io.seedbed.io.Database;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.backtest.Diff;
import io.seedbed.backtest.PoolDiff;
import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest (BATCH runs) on a generated city of 200 enterprises, 2023-01 to 2026-10, seed 7. */
class BacktestIT {
  private static final JobClock CLOCK = JobClock.fixed(Instant.parse("2026-11-20T00:00:00Z"));

  @TempDir
  static Path tmp;
  static Path feeds;
  static ConfigBundle shipped;

  @BeforeAll
  static void generate() throws Exception {
    feeds = tmp.resolve("feeds");
    new CityGenerator(200, YearMonth.of(2023, 1), YearMonth.of(2026, 10), 7).generate(feeds);
    shipped = ConfigBundle.read(ProjectFiles.path("config"));
  }

  @Test
  void theShippedRulesAgainstThemselvesChangeNothing() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Diff diff = BacktestCommand.compare(feeds, shipped, shipped, CLOCK, 2, tmp.resolve("same"),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    assertThat(diff.identical()).isTrue();
    assertThat(diff.affected()).isEmpty();
    // Both BATCH runs wrote the same pool_change rows (recorded_at aside).
    assertThat(Files.readAllLines(tmp.resolve("same/baseline/pool_change.jsonl")).size())
        .isEqualTo(Files.readAllLines(tmp.resolve("same/candidate/pool_change.jsonl")).size())
        .isGreaterThan(100);
  }

  @Test
  void aLowerApproachBandOnlyAdmitsMoreFirmsToScaleUp() throws Exception {
    Map<String, String> files = new TreeMap<>(shipped.files());
    files.put("city/rizhao.yaml", files.get("city/rizhao.yaml")
        .replace("op: \">=\", value: 15000000}", "op: \">=\", value: 10000000}"));
    ConfigBundle candidate = new ConfigBundle("lower-band", files);
    Diff diff = BacktestCommand.compare(feeds, shipped, candidate, CLOCK, 2, tmp.resolve("band"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    PoolDiff scaleUp = diff.pools().stream().filter(p -> p.pool().equals("scale_up")).findFirst()
        .orElseThrow();
    assertThat(scaleUp.enters()).isNotEmpty();
    assertThat(scaleUp.leaves()).isEmpty();
    assertThat(scaleUp.candidateMembers()).isGreaterThan(scaleUp.baselineMembers());
    assertThat(diff.pools()).filteredOn(p -> !p.pool().equals("scale_up")).allSatisfy(p -> {
      assertThat(p.enters()).isEmpty();
      assertThat(p.leaves()).isEmpty();
      assertThat(p.changesStatus()).isEmpty();
    });

    // The job itself, run on the changed rules (`bin/seedbed run --config CHANGED`: PostgreSQL
    // sinks, BATCH like every bounded run), writes exactly the candidate's pool changes.
    Path changedConfig = tmp.resolve("band-config");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = changedConfig.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
    }
    Database db = TestPostgres.freshDatabase();
    PipelineRuns.run(feeds, changedConfig, db, 2, null);
    assertThat(TableDump.fromDatabase(db, OutputTables.POOL_CHANGE))
        .containsExactlyElementsOf(TableDump.fromJsonLines(tmp.resolve("band").resolve("candidate"),
            OutputTables.POOL_CHANGE));
  }
}
