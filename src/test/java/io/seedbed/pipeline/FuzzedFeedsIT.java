package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.feed.Feed;
import io.seedbed.feed.Hashes;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never stops the job and is never dropped: 1,500 mutated lines (random bytes, truncated
 * JSON, wrong types, bad check characters, missing fields) mixed into a clean city. The job
 * finishes, every mutated line is in {@code rejected_record} with a reason, and every other table
 * equals the clean run's.
 */
class FuzzedFeedsIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final int MUTATIONS = 1500;

  @TempDir
  static Path work;

  static Database clean;
  static Database fuzzed;
  /** feed → mutated lines that were mixed in. */
  static final Map<Feed, List<String>> mutated = new LinkedHashMap<>();

  @BeforeAll
  static void runCleanAndFuzzed() throws Exception {
    Path cleanFeeds = work.resolve("clean");
    new CityGenerator(80, YearMonth.of(2024, 1), YearMonth.of(2026, 6), 3).generate(cleanFeeds);
    Path fuzzedFeeds = work.resolve("fuzzed");
    Files.createDirectories(fuzzedFeeds);
    Random random = new Random(20261125L);
    int perFeed = MUTATIONS / Feed.DATA.length;
    for (Feed feed : Feed.DATA) {
      List<String> lines = Files.readAllLines(cleanFeeds.resolve(feed.id() + ".jsonl"), StandardCharsets.UTF_8);
      List<String> bad = new ArrayList<>();
      for (int i = 0; i < perFeed; i++) {
        bad.add(Mutations.mutate(lines.get(random.nextInt(lines.size())), i % Mutations.KINDS, random));
      }
      mutated.put(feed, bad);
      List<String> mixed = new ArrayList<>(lines);
      for (String b : bad) {
        mixed.add(random.nextInt(mixed.size() + 1), b);
      }
      Files.write(fuzzedFeeds.resolve(feed.id() + ".jsonl"), mixed, StandardCharsets.UTF_8);
    }
    clean = TestPostgres.freshDatabase();
    PipelineRuns.run(cleanFeeds, clean, 2);
    fuzzed = TestPostgres.freshDatabase();
    PipelineRuns.run(fuzzedFeeds, fuzzed, 2);
  }

  @Test
  void everyMutatedLineIsRejectedWithAReason() throws Exception {
    Map<String, String> reasonById = TestPostgres.query(fuzzed,
            "SELECT rejected_id, reason FROM rejected_record").stream()
        .collect(Collectors.toMap(r -> (String) r.get("rejected_id"), r -> (String) r.get("reason")));
    int checked = 0;
    for (Map.Entry<Feed, List<String>> e : mutated.entrySet()) {
      for (String line : e.getValue()) {
        String id = Hashes.sha256Hex(e.getKey().id() + "\n" + line);
        assertThat(reasonById).as("rejected: %s", line).containsKey(id);
        assertThat(reasonById.get(id)).isNotBlank();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(MUTATIONS - Feed.DATA.length);
  }

  @Test
  void everyOtherTableEqualsTheCleanRun() throws Exception {
    for (OutputTable<?> table : OutputTables.ALL) {
      if (table == OutputTables.REJECTED_RECORD) {
        continue;
      }
      assertThat(TableDump.fromDatabase(fuzzed, table)).as(table.name)
          .containsExactlyElementsOf(TableDump.fromDatabase(clean, table));
    }
    assertThat(TestPostgres.count(clean, "indicator_snapshot")).isEqualTo(80);
  }

  @Test
  void theCleanRunRejectsOnlyTheGeneratorsOwnMalformedLines() throws Exception {
    long cleanRejected = TestPostgres.count(clean, "rejected_record");
    long fuzzedRejected = TestPostgres.count(fuzzed, "rejected_record");
    assertThat(fuzzedRejected - cleanRejected).isGreaterThanOrEqualTo(MUTATIONS * 9 / 10);
  }
}
