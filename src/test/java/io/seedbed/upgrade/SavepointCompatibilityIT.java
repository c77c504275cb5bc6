package io.seedbed.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTables;
import io.seedbed.pipeline.SeedbedConfig;
import io.seedbed.testing.CityReference;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades keep their state: the committed savepoint src/test/resources/savepoints/v1 (taken from
 * the production streaming topology by {@link SavepointRefresh}, hashmap state, canonical format)
 * is restored by the current code into RocksDB state with unclaimed state forbidden, so a renamed
 * or removed stateful operator fails here. The rest of the city is fed after the restore, and the
 * restored state must have been used: every indicator row written equals the reference computed
 * from ALL lines (the ledger before the savepoint included), and no pool an enterprise was
 * tracked in at the savepoint (v1/tracked.txt) is entered from "no status" again.
 */
class SavepointCompatibilityIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path work;

  @Test
  void theCommittedSavepointRestoresIntoTheCurrentTopology() throws Exception {
    Path savepoint = SavepointJob.V1.resolve("savepoint");
    assertThat(savepoint.resolve("_metadata")).exists();
    Path all = work.resolve("all");
    Files.createDirectories(all);
    for (Feed feed : Feed.DATA) {
      List<String> lines = new java.util.ArrayList<>(
          CityReference.lines(SavepointJob.V1.resolve("first"), feed));
      lines.addAll(CityReference.lines(SavepointJob.V1.resolve("rest"), feed));
      Files.write(all.resolve(feed.id() + ".jsonl"), lines, StandardCharsets.UTF_8);
    }
    Set<String> beforeSavepoint = enterprises(SavepointJob.V1.resolve("first"));
    Path feeds = work.resolve("feeds");
    Files.createDirectories(feeds);
    for (Feed feed : Feed.DATA) { // new files in the watched folders FEED/
      Files.copy(SavepointJob.V1.resolve("rest").resolve(feed.id() + ".jsonl"),
          Files.createDirectories(feeds.resolve(feed.id())).resolve("after-upgrade.jsonl"));
    }

    Database db = TestPostgres.freshDatabase();
    StreamExecutionEnvironment env = SavepointJob.env("rocksdb", savepoint.toUri().toString());
    SavepointJob.define(env, feeds, db);
    JobClient job = env.executeAsync("seedbed-after-upgrade");
    try {
      Quiet.await(db, job, Duration.ofSeconds(3), Duration.ofSeconds(120));
    } finally {
      if (!job.getJobStatus().get().isGloballyTerminalState()) {
        job.cancel().get();
      }
    }

    List<String> written = TableDump.fromDatabase(db, OutputTables.INDICATOR_SNAPSHOT);
    assertThat(written).as("indicator rows after the restore").isNotEmpty();
    assertThat(CityReference.indicatorRows(all)).as("reference over all lines").containsAll(written);
    List<String> tracked = Files.readAllLines(SavepointJob.V1.resolve(SavepointJob.TRACKED));
    assertThat(tracked).isNotEmpty();
    List<String> firstSights = TestPostgres.query(db,
            "SELECT uscc || '/' || pool AS k FROM pool_change WHERE from_status IS NULL").stream()
        .map(r -> (String) r.get("k")).toList();
    assertThat(firstSights).as("pools of the savepoint entered from 'no status' again")
        .doesNotContainAnyElementsOf(tracked);
    List<String> changedTracked = TestPostgres.query(db, "SELECT uscc || '/' || pool AS k "
            + "FROM pool_change WHERE from_status IS NOT NULL").stream()
        .map(r -> (String) r.get("k")).filter(tracked::contains).toList();
    assertThat(written.stream().map(r -> r.substring(r.indexOf("uscc=") + 5).split(" ")[0]))
        .as("enterprises of the savepoint with new indicators").containsAnyElementsOf(beforeSavepoint);
    System.out.printf("restored %s: %d indicator rows, %d pool changes (%d continuing a chain from"
            + " the savepoint, %d first sights)%n", savepoint, written.size(),
        TestPostgres.count(db, "pool_change"), changedTracked.size(), firstSights.size());
  }

  /** The enterprises the savepoint's job saw: every USCC of a valid line in {@code dir}. */
  private static Set<String> enterprises(Path dir) throws Exception {
    SeedbedConfig config = SeedbedConfig.load(ProjectFiles.path("config"));
    FeedDecoder decoder = new FeedDecoder(Clock.fixed(PipelineRuns.NOW, ZoneOffset.UTC),
        config.unitsByCarrier());
    Set<String> out = new TreeSet<>();
    for (Feed feed : Feed.DATA) {
      for (String line : CityReference.lines(dir, feed)) {
        Decoded d = decoder.decode(feed, line);
        if (d.ok()) {
          out.add(d.record().uscc());
        }
      }
    }
    return out;
  }
}
