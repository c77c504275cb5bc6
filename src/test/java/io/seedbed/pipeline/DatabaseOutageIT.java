package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.StoppablePostgres;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away for 30 seconds in the middle of a run and comes back on the same data and
 * port: the job rides it out by itself (ResilientJdbcSink retries with back-off and reconnects,
 * never killing the TaskManager, stack.md G3), and the tables end equal to a run without the outage.
 */
@Tag("slow")
class DatabaseOutageIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir
  Path work;

  @Test
  void theJobRidesOutAThirtySecondOutage() throws Exception {
    Path city = work.resolve("city");
    new CityGenerator(400, YearMonth.of(2023, 1), YearMonth.of(2026, 6), 31).generate(city);
    Database clean = TestPostgres.freshDatabase();
    PipelineRuns.run(city, clean, 2);

    try (StoppablePostgres pg = new StoppablePostgres(work.resolve("pg"), false)) {
      pg.start();
      Database db = pg.database();
      // Stop the server as soon as the first rows arrive, keep it down, start it again.
      CompletableFuture<Long> outage = CompletableFuture.supplyAsync(() -> {
        try {
          long seen;
          while ((seen = rows(db)) == 0) {
            Thread.sleep(20);
          }
          pg.stop();
          Thread.sleep(OUTAGE.toMillis());
          pg.start();
          return seen;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      PipelineRuns.run(city, db, 2);
      long rowsWhenItWentDown = outage.get(5, TimeUnit.MINUTES);

      long finalRows = rows(db);
      assertThat(rowsWhenItWentDown).as("the outage began mid-run").isLessThan(finalRows);
      for (OutputTable<?> t : OutputTables.ALL) {
        assertThat(TableDump.fromDatabase(db, t)).as(t.name)
            .containsExactlyElementsOf(TableDump.fromDatabase(clean, t));
      }
    }
  }

  /** Rows written so far, or 0 while the server is unreachable. */
  private static long rows(Database db) {
    try (Connection c = db.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pool_change)"
             + " + (SELECT count(*) FROM indicator_snapshot)")) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception down) {
      return 0;
    }
  }
}
