package io.seedbed.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.testing.CityReference;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewrites the committed savepoint src/test/resources/savepoints/v1 — only on purpose, when a
 * release deliberately breaks state compatibility (docs/operations.md, "Refreshing the committed
 * savepoint"). Not a test: no suffix the build picks up. Run it alone:
 *
 * <pre>mvn -B -ntp -o -q test -Dtest=SavepointRefresh -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>It generates a tiny city (12 enterprises, 2025-01..2026-06, seed 5), writes each feed's first
 * 60 % to v1/first and the rest to v1/rest, runs {@link SavepointJob} on v1/first in STREAMING
 * mode with hashmap state until PostgreSQL is quiet, and stops it with a canonical savepoint into
 * v1/savepoint; v1/tracked.txt lists the enterprise/pool pairs in its state (pool_membership).
 */
class SavepointRefresh {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path work;

  @Test
  void writeTheCommittedSavepoint(@InjectClusterClient ClusterClient<?> client) throws Exception {
    Path city = work.resolve("city");
    new CityGenerator(12, YearMonth.of(2025, 1), YearMonth.of(2026, 6), 5).generate(city);
    deleteRecursively(SavepointJob.V1);
    Path first = Files.createDirectories(SavepointJob.V1.resolve("first"));
    Path rest = Files.createDirectories(SavepointJob.V1.resolve("rest"));
    for (Feed feed : Feed.DATA) {
      List<String> lines = CityReference.lines(city, feed);
      int cut = (int) Math.round(lines.size() * 0.6);
      Files.write(first.resolve(feed.id() + ".jsonl"), lines.subList(0, cut), StandardCharsets.UTF_8);
      Files.write(rest.resolve(feed.id() + ".jsonl"), lines.subList(cut, lines.size()),
          StandardCharsets.UTF_8);
    }

    Database db = TestPostgres.freshDatabase();
    StreamExecutionEnvironment env = SavepointJob.env("hashmap", null);
    SavepointJob.define(env, first, db);
    JobClient running = env.executeAsync("seedbed-savepoint-v1");
    JobID job = running.getJobID();
    Quiet.await(db, running, Duration.ofSeconds(3), Duration.ofSeconds(120));
    assertThat(TestPostgres.count(db, "pool_change")).isPositive();

    Path savepoints = work.resolve("savepoints");
    String path = client.stopWithSavepoint(job, false, savepoints.toUri().toString(),
        SavepointFormatType.CANONICAL).get();
    Path written = Path.of(java.net.URI.create(path));
    copyRecursively(written, SavepointJob.V1.resolve("savepoint"));
    // what the savepoint holds, for the compatibility test: every enterprise/pool it tracks
    Files.write(SavepointJob.V1.resolve(SavepointJob.TRACKED), TestPostgres.query(db,
            "SELECT uscc || '/' || pool AS k FROM pool_membership ORDER BY 1").stream()
        .map(r -> (String) r.get("k")).toList(), StandardCharsets.UTF_8);
    System.out.println("savepoint written to " + SavepointJob.V1.resolve("savepoint"));
  }

  private static void copyRecursively(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
