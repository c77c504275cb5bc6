package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.CityReference;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ShuffledFeeds;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order does not matter, through the real operator: each enterprise's records (a generated city,
 * amendments included) are shuffled, partly duplicated and split over several files per feed, then
 * run in STREAMING mode at parallelism 2 (so arrival order is really arbitrary). Every final
 * {@code indicator_snapshot} row equals a from-scratch reference: the core folding the final set of
 * facts in file order, computing the indicators once.
 */
class IndicatorOrderIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  Path work;

  @Test
  void shuffledDuplicatedStreamsGiveTheReferenceIndicators() throws Exception {
    Path city = work.resolve("city");
    new CityGenerator(60, YearMonth.of(2024, 1), YearMonth.of(2026, 8), 23).generate(city);
    // A tenth of every feed delivered twice, shuffled over 4 files per feed.
    Path shuffled = ShuffledFeeds.write(city, work.resolve("shuffled"), new Random(4), 4, 10);

    Database db = TestPostgres.freshDatabase();
    Configuration streaming = new Configuration();
    streaming.setString("execution.runtime-mode", "STREAMING");
    PipelineRuns.run(PipelineRuns.files(shuffled), new DatabaseSinks(db), 2, streaming);

    List<String> expected = CityReference.indicatorRows(city);
    assertThat(expected).hasSize(60);
    assertThat(TableDump.fromDatabase(db, OutputTables.INDICATOR_SNAPSHOT))
        .containsExactlyElementsOf(expected);
  }
}
