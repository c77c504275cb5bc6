package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ShuffledFeeds;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same facts give the same tables: run twice, at parallelism 1 and 4, and with every feed's
 * lines shuffled and split over several files (so feeds and enterprises arrive in another order,
 * duplicates and amendments included). Wall-clock columns aside, every table is identical.
 */
class DeterminismIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path work;

  static Path feeds;
  static Database parallelism1;

  @BeforeAll
  static void firstRun() throws Exception {
    feeds = work.resolve("city");
    new CityGenerator(120, YearMonth.of(2023, 1), YearMonth.of(2026, 9), 17).generate(feeds);
    parallelism1 = TestPostgres.freshDatabase();
    PipelineRuns.run(feeds, parallelism1, 1);
  }

  @Test
  void parallelismFourGivesTheSameTables() throws Exception {
    Database parallelism4 = TestPostgres.freshDatabase();
    PipelineRuns.run(feeds, parallelism4, 4);
    assertSameTables(parallelism4, parallelism1);
  }

  @Test
  void shuffledAndSplitFeedsGiveTheSameTables() throws Exception {
    Path shuffled = ShuffledFeeds.write(feeds, work.resolve("shuffled"), new Random(99), 3, 0);
    Database db = TestPostgres.freshDatabase();
    PipelineRuns.run(shuffled, db, 2);
    assertSameTables(db, parallelism1);
  }

  @Test
  void runningTheSameFeedsTwiceIntoOneDatabaseChangesNothing() throws Exception {
    Database db = TestPostgres.freshDatabase();
    PipelineRuns.run(feeds, db, 2);
    List<List<String>> first = new ArrayList<>();
    for (OutputTable<?> t : OutputTables.ALL) {
      first.add(TableDump.fromDatabase(db, t));
    }
    PipelineRuns.run(feeds, db, 2); // a replay: deterministic keys rewrite the same rows
    for (int i = 0; i < OutputTables.ALL.size(); i++) {
      assertThat(TableDump.fromDatabase(db, OutputTables.ALL.get(i))).as(OutputTables.ALL.get(i).name)
          .containsExactlyElementsOf(first.get(i));
    }
  }

  private static void assertSameTables(Database actual, Database expected) throws Exception {
    for (OutputTable<?> t : OutputTables.ALL) {
      List<String> want = TableDump.fromDatabase(expected, t);
      assertThat(TableDump.fromDatabase(actual, t)).as(t.name).containsExactlyElementsOf(want);
    }
    assertThat(TestPostgres.count(expected, "pool_change")).isPositive();
  }
}
